// One judgement link (REVISES) with its properties.
// required: $newer, $older (Assessment ids)
// returns: newer, older, change, changes, score, evidence, status
// Neo4j Browser: :param newer => "bluf:…"; :param older => "bluf:…"
MATCH (:Assessment {id: $newer})-[r:REVISES]->(:Assessment {id: $older})
RETURN $newer AS newer, $older AS older, r.change AS change, r.changes AS changes, r.score AS score,
       r.evidence AS evidence, r.status AS status
