// Node counts per ontology label.
// params: $labels: list<string>
// returns: label, count
UNWIND $labels AS label
CALL (label) {
  MATCH (n:$(label))
  RETURN count(n) AS count
}
RETURN label, count
