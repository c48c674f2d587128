// One passage: its text, document, what was extracted from it, the entities it mentions,
// the briefs that cite it, and where else the same statement is found (an extracted
// object with the same text in another passage: a wire story reprinted, a claim repeated).
// params: $id: string (a passage id), $limit: int (rows per list)
// returns: one row, none when $id is not a passage: id, kind, start, end, text,
//          document_id, title, published, objects, mentions, briefs, elsewhere (lists of maps)
MATCH (p:Passage {id: $id})-[:PART_OF]->(d:Document)
RETURN p.id AS id, p.kind AS kind, p.start AS start, p.end AS end, p.text AS text,
       d.id AS document_id, d.title AS title, toString(d.published) AS published,
       COLLECT { MATCH (x)-[:EXTRACTED_FROM]->(p)
                 RETURN x {.id, .text, .polarity, .modality, .confidence, .predicate, labels: labels(x)}
                 ORDER BY x.id LIMIT $limit } AS objects,
       COLLECT { MATCH (p)-[m:MENTIONS]->(e:Entity)
                 RETURN DISTINCT e {.id, .name, labels: labels(e)} ORDER BY e.name LIMIT $limit } AS mentions,
       COLLECT { MATCH (p)<-[:CITES]-(b:Brief)
                 RETURN b {.id, .title, created_at: toString(b.created_at)} ORDER BY b.created_at DESC LIMIT $limit }
         AS briefs,
       COLLECT { MATCH (x)-[:EXTRACTED_FROM]->(p) WHERE x.text IS NOT NULL
                 MATCH (y)-[:EXTRACTED_FROM]->(q:Passage)-[:PART_OF]->(o:Document)
                 WHERE y.text = x.text AND q <> p
                 WITH DISTINCT q, o ORDER BY o.published DESC, q.id LIMIT $limit
                 RETURN {passage_id: q.id, document_id: o.id, title: o.title,
                         published: toString(o.published)} } AS elsewhere
