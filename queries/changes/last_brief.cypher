// The newest stored brief on a topic (and entity) created before a time: what a new
// brief's "What changed since the last brief on this topic" starts from.
// required: $topic (string), $entity (string or null), $before (ISO date-time)
// returns: id, created_at
// Neo4j Browser: :param topic => "Kestrel Strait"; :param entity => null; :param before => "2026-12-31T00:00:00Z"
MATCH (b:Brief)
WHERE b.created_at < datetime($before) AND toLower(b.topic) = toLower($topic)
  AND coalesce(toLower(b.entity), "") = coalesce(toLower($entity), "")
RETURN b.id AS id, toString(b.created_at) AS created_at
ORDER BY b.created_at DESC
LIMIT 1
