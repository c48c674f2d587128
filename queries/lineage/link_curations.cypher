// The analysts' confirmations and cuts of judgement links that touch these
// judgements, oldest first: the last one on a pair decides it (services.lineage).
// required: $ids (list of Assessment ids), $actions (the confirm_link and cut_link notations)
// returns: target (the newer judgement), argument (the older), action, curated_at, id
// Neo4j Browser: :param ids => ["bluf:…"]; :param actions => ["confirm_link", "cut_link"]
CALL () {
  UNWIND $ids AS ident
  MATCH (c:Curation {target: ident})
  RETURN c
  UNION
  UNWIND $ids AS ident
  MATCH (c:Curation {argument: ident})
  RETURN c
}
WITH c WHERE c.action IN $actions
RETURN c.target AS target, c.argument AS argument, c.action AS action, c.curated_at AS curated_at, c.id AS id
ORDER BY curated_at, id
