// Remove the judgement links (REVISES, either way) between the pairs given.
// params: $pairs: list of [assessment id, assessment id]
// returns: deleted
UNWIND $pairs AS pair
MATCH (:Assessment {id: pair[0]})-[r:REVISES]-(:Assessment {id: pair[1]})
DELETE r
RETURN count(r) AS deleted
