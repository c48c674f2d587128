// Each document's publisher and origins: who wrote it and the reporting it is based on,
// with how the document names each (via) and their reliability.
// required: none
// optional: $id (default null: every document; a document id: that one), $limit (default 50)
// returns: document_id, title, published, layout, publisher, publisher_via,
//          publisher_reliability, origins (list of {name, via, reliability})
// Neo4j Browser / cypher-shell: no :param is required; set each optional one too, to a value
// or to null for its default (`:param id => null`), or Neo4j refuses the query.
MATCH (d:Document)-[pb:PUBLISHED_BY]->(p:Source)
WHERE $id IS NULL OR d.id = $id
RETURN d.id AS document_id, d.title AS title, toString(d.published) AS published, d.layout AS layout,
       p.name AS publisher, pb.via AS publisher_via, p.reliability AS publisher_reliability,
       COLLECT { MATCH (d)-[b:BASED_ON]->(o:Source)
                 RETURN {name: o.name, via: b.via, reliability: o.reliability} } AS origins
ORDER BY d.published DESC, d.id
LIMIT coalesce($limit, 50)
