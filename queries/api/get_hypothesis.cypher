// One hypothesis as an ACH view: the evidence for and against it, the assessments that
// favour it, and the hypotheses it competes with (with their own evidence counts).
// params: $id: string (a hypothesis id)
// returns: one row, none when $id is not a hypothesis: hypothesis, passage_id,
//          document, source (maps), evidence_for, evidence_against, favored_by, competing (lists)
MATCH (h:Hypothesis {id: $id})
OPTIONAL MATCH (h)-[:EXTRACTED_FROM]->(hp:Passage)-[:PART_OF]->(d:Document)
OPTIONAL MATCH (d)-[:PUBLISHED_BY]->(s:Source)
RETURN h {.id, .label, .statement, .extraction_score} AS hypothesis,
       hp.id AS passage_id,
       d {.id, .title, .published} AS document,
       s {.id, .name, .reliability} AS source,
       COLLECT {
         MATCH (ev:Evidence)-[:SUPPORTS]->(h)
         OPTIONAL MATCH (ev)-[:EXTRACTED_FROM]->(p:Passage)
         RETURN ev {.id, .text, .credibility, .extraction_score, passage_id: p.id}
         ORDER BY ev.id
       } AS evidence_for,
       COLLECT {
         MATCH (ev:Evidence)-[:CONTRADICTS]->(h)
         OPTIONAL MATCH (ev)-[:EXTRACTED_FROM]->(p:Passage)
         RETURN ev {.id, .text, .credibility, .extraction_score, passage_id: p.id}
         ORDER BY ev.id
       } AS evidence_against,
       COLLECT {
         MATCH (a:Assessment)-[:FAVORS]->(h)
         OPTIONAL MATCH (a)-[:EXTRACTED_FROM]->(p:Passage)
         RETURN a {.id, .text, .kind, .confidence, .likelihood, .extraction_score, passage_id: p.id}
         ORDER BY a.id
       } AS favored_by,
       COLLECT {
         MATCH (h)-[:COMPETES_WITH]-(o:Hypothesis)
         WITH DISTINCT o
         RETURN o {.id, .label, .statement,
                   supporting: COUNT { (o)<-[:SUPPORTS]-(:Evidence) },
                   contradicting: COUNT { (o)<-[:CONTRADICTS]-(:Evidence) },
                   favored_by: COUNT { (o)<-[:FAVORS]-(:Assessment) }}
         ORDER BY o.label, o.id
       } AS competing
