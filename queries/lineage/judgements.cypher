// The judgements of documents $documents and, when $candidates > 0, of up to
// $candidates other documents that may answer the same question: those whose
// judgements or hypotheses are about an entity these are about, or that share a topic
// tag, those sharing most entities and topics first. One row per document: its judgement (the BLUF, else the ACH assessment) with
// what lineage compares (services.lineage).
// required: $documents (list of document ids), $candidates (integer, 0 for none)
// returns: own (true for a document of $documents), id, document_id, published, text,
//          start, asides (list of [start, end]), confidence, likelihood,
//          favored ({id, statement} or null), hypotheses (list of {id, statement}),
//          entities, topics (ids), question, question_published, members (the ids of the
//          document's BLUF and ACH assessments)
// Neo4j Browser: :param documents => ["doc:…"]; :param candidates => 50
UNWIND $documents AS ident
MATCH (d:Document {id: ident})
CALL (d) {
  WITH d WHERE $candidates > 0
  CALL (d) {
    MATCH (d)<-[:PART_OF]-(:Passage)<-[:EXTRACTED_FROM]-(x:Assessment|Hypothesis)-[:ABOUT]->(e:Entity)
    WHERE x:Hypothesis OR x.kind <> "insight"
    WITH DISTINCT e
    MATCH (e)<-[:ABOUT]-(y:Assessment|Hypothesis)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(o:Document)
    WHERE o <> d AND (y:Hypothesis OR y.kind <> "insight")
    WITH DISTINCT o, e
    RETURN o
    UNION ALL
    MATCH (d)-[:TAGGED]->(:Topic)<-[:TAGGED]-(o:Document)
    WHERE o <> d
    RETURN o
  }
  // those sharing most entities and topics first, so a true match is not cut at random
  WITH o, count(*) AS shared ORDER BY shared DESC, o.published DESC, o.id LIMIT $candidates
  RETURN collect(o) AS others
}
WITH collect(d) AS own, collect(others) AS more
WITH own, reduce(acc = [], xs IN more | acc + [x IN xs WHERE NOT x IN acc AND NOT x IN own]) AS others
UNWIND own + others AS doc
CALL (doc) {
  MATCH (doc)<-[:PART_OF]-(p:Passage)<-[:EXTRACTED_FROM]-(a:Assessment)
  WHERE a.kind IN ["bluf", "ach"]
  WITH a, p ORDER BY CASE a.kind WHEN "bluf" THEN 0 ELSE 1 END, a.id
  RETURN collect(a) AS js, collect(p)[0] AS p
}
WITH own, doc, js, js[0] AS j, p WHERE j IS NOT NULL
OPTIONAL MATCH (qa:Assessment {id: j.question})-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(qd:Document)
RETURN doc IN own AS own, j.id AS id, doc.id AS document_id, toString(doc.published) AS published,
       j.text AS text, p.start AS start,
       COLLECT { MATCH (q:Passage)-[:PART_OF]->(doc)
                 WHERE q.kind IN ["confidence_statement", "recommendation"] AND q.start >= p.start AND q.end <= p.end
                 RETURN [q.start, q.end] } AS asides,
       head([x IN js WHERE x.confidence IS NOT NULL | x.confidence]) AS confidence,
       head([x IN js WHERE x.likelihood IS NOT NULL | x.likelihood]) AS likelihood,
       COLLECT { UNWIND js AS x MATCH (x)-[:FAVORS]->(h:Hypothesis)
                 RETURN {id: h.id, statement: h.statement} LIMIT 1 }[0] AS favored,
       COLLECT { MATCH (h:Hypothesis)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(doc)
                 WITH DISTINCT h ORDER BY h.label RETURN {id: h.id, statement: h.statement} } AS hypotheses,
       COLLECT { MATCH (x:Assessment|Hypothesis)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(doc)
                 WHERE x:Hypothesis OR x IN js
                 MATCH (x)-[:ABOUT]->(e:Entity) RETURN DISTINCT e.id } AS entities,
       COLLECT { MATCH (doc)-[:TAGGED]->(t:Topic) RETURN t.id } AS topics,
       j.question AS question, toString(qd.published) AS question_published, [x IN js | x.id] AS members
