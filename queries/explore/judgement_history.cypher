// A question's judgements over time, oldest first: each document's judgement (its BLUF,
// else its ACH assessment) with its stated confidence, likelihood, the hypothesis it
// favours, and how it moved from the judgement before it (REVISES: change, score, status).
// A question is named by its key, the id of the earliest judgement in its lineage (the
// `question` property of every BLUF and ACH assessment); the id of any other judgement
// of the lineage names it too. Timeline: `intelgraph cypher --query explore/judgement_history --param question=ID`.
// required: $question (an Assessment id, e.g. "bluf:…"; list questions with
//           `MATCH (a:Assessment) RETURN DISTINCT a.question`)
// optional: none
// returns: published, judgement, confidence, likelihood, favored (label: statement or null),
//          change, previous (the judgement id it revises), score, status, question, judgement_id,
//          passage_id, document_id, title, source, reliability
// Neo4j Browser: `:param question => "bluf:…"`
MATCH (x:Assessment {id: $question})
WITH coalesce(x.question, x.id) AS q
MATCH (a:Assessment {question: q})-[:EXTRACTED_FROM]->(p:Passage)-[:PART_OF]->(d:Document)
WHERE a.kind IN ["bluf", "ach"]
WITH q, d, a, p ORDER BY CASE a.kind WHEN "bluf" THEN 0 ELSE 1 END, a.id
WITH q, d, collect(a) AS js, collect(p)[0] AS p
WITH q, d, js, js[0] AS j, p
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
CALL (j) {
  OPTIONAL MATCH (j)-[r:REVISES]->(o:Assessment)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(od:Document)
  WITH r, o ORDER BY od.published DESC, o.id DESC LIMIT 1
  RETURN r, o
}
RETURN toString(d.published) AS published, j.text AS judgement,
       head([x IN js WHERE x.confidence IS NOT NULL | x.confidence]) AS confidence,
       head([x IN js WHERE x.likelihood IS NOT NULL | x.likelihood]) AS likelihood,
       COLLECT { UNWIND js AS y MATCH (y)-[:FAVORS]->(h:Hypothesis)
                 RETURN h.label + ": " + h.statement LIMIT 1 }[0] AS favored,
       coalesce(r.change, "new_question") AS change, o.id AS previous, r.score AS score, r.status AS status,
       q AS question, j.id AS judgement_id, p.id AS passage_id, d.id AS document_id, d.title AS title,
       s.name AS source, s.reliability AS reliability
ORDER BY d.published IS NULL, d.published, j.id
