// Give judgements their question key: the judgements named, those whose question is
// one of $questions (their lineages were joined), and the BLUF and ACH assessments of
// their documents.
// params: $ids (list of Assessment ids), $questions (list of old question keys),
//         $question (the new key: the id of the earliest judgement)
// returns: changed
CALL () {
  UNWIND $ids AS ident
  MATCH (a:Assessment {id: ident})
  RETURN a
  UNION
  UNWIND $questions AS q
  MATCH (a:Assessment {question: q})
  RETURN a
}
MATCH (a)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)
// a second MATCH: one pattern may not use a relationship twice, and a's own is one of them
MATCH (d)<-[:PART_OF]-(:Passage)<-[:EXTRACTED_FROM]-(s:Assessment)
WHERE s.kind IN ["bluf", "ach"] AND (s.question IS NULL OR s.question <> $question)
SET s.question = $question
RETURN count(DISTINCT s) AS changed
