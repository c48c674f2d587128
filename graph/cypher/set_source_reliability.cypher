// Set a source's reliability grade (an analyst's call, from the workbench or the API).
// params: $id: string (a source id), $reliability: string (a Reliability notation, A-F)
// returns: id, name, reliability, previous; no row when $id is not a source
MATCH (s:Source {id: $id})
WITH s, s.reliability AS previous
SET s.reliability = $reliability
RETURN s.id AS id, s.name AS name, s.reliability AS reliability, previous
