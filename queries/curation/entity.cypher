// One entity as curation shows it: its names, and how often each name is mentioned.
// required: $id (an entity id, e.g. "entity:tidewater-front")
// optional: none
// returns: id, name, labels, aliases, mentions, mentioned_as (list of {alias, mentions})
// Neo4j Browser: :param id => "entity:tidewater-front"
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, labels(e) AS labels, coalesce(e.aliases, []) AS aliases,
       COUNT { (e)<-[:MENTIONS]-() } AS mentions,
       COLLECT {
         MATCH (e)<-[m:MENTIONS]-()
         WITH m.text AS alias, count(*) AS n
         ORDER BY n DESC, alias
         RETURN {alias: alias, mentions: n}
       } AS mentioned_as
