// Thematic tags in the graph, with how many documents carry each.
// params: $limit (e.g. 50)
// returns: topic, documents, topic_id
MATCH (t:Topic)
RETURN t.name AS topic, COUNT { (t)<-[:TAGGED]-(:Document) } AS documents, t.id AS topic_id
ORDER BY documents DESC, topic
LIMIT $limit
