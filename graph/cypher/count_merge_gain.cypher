// What the surviving entity of a merge gains, counted before the merged entity's
// relationships move onto it (a relationship it already has from the same passage or
// claim is merged, not added): the merged entity's mentions from passages that do not
// mention the survivor, its claims not already about the survivor, its documents that
// do not mention the survivor, and its newest documents. Costs the merged entity's size.
// params: $into: string, $from: string (entity ids), $keep: int (newest documents kept)
// returns: mentions, claims, documents, recent (list of 'published date|document id')
MATCH (a:Entity {id: $into}), (b:Entity {id: $from})
RETURN COUNT { MATCH (b)<-[:MENTIONS]-(p) WHERE NOT (p)-[:MENTIONS]->(a) } AS mentions,
       COUNT { MATCH (b)<-[:ABOUT]-(c:Claim) WHERE NOT (c)-[:ABOUT]->(a) } AS claims,
       COUNT {
         MATCH (b)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document)
         WITH DISTINCT d
         WHERE NOT EXISTS { MATCH (d)<-[:PART_OF]-(q:Passage) WHERE (q)-[:MENTIONS]->(a) }
         RETURN d
       } AS documents,
       COLLECT {
         MATCH (b)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document)
         WITH DISTINCT d
         ORDER BY d.published IS NULL, d.published DESC, d.id
         LIMIT $keep
         RETURN coalesce(toString(d.published), '') + '|' + d.id
       } AS recent
