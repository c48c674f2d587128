// A document's text and its passages that something was extracted from or that a brief
// cites, in text order, with the labels of what came from each (the document page's
// highlights).
// params: $id: string (a document id), $limit: int (passages at most)
// returns: one row, none when $id is not a document: id, title, published, text,
//          source, reliability, passages (list of {id, kind, start, end, labels (one list per kind of object), cited})
MATCH (d:Document {id: $id})
OPTIONAL MATCH (d)-[:PUBLISHED_BY]->(s:Source)
RETURN d.id AS id, d.title AS title, toString(d.published) AS published, d.text AS text,
       s.name AS source, s.reliability AS reliability,
       COLLECT {
         MATCH (p:Passage)-[:PART_OF]->(d)
         WITH p, COLLECT { MATCH (x)-[:EXTRACTED_FROM]->(p) RETURN DISTINCT labels(x) } AS labels,
              COUNT { (p)<-[:CITES]-() } AS cited
         WHERE size(labels) > 0 OR cited > 0
         WITH p, labels, cited ORDER BY p.start, p.end DESC LIMIT $limit
         RETURN {id: p.id, kind: p.kind, start: p.start, end: p.end, labels: labels, cited: cited}
       } AS passages
