// Entities without the counts the writer keeps (written before it kept them).
// params: none
// returns: id (one row per such entity, in id order)
MATCH (e:Entity)
WHERE e.mention_count IS NULL
RETURN e.id AS id
ORDER BY id
