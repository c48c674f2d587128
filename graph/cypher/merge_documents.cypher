// Merge the document nodes of a write before anything else, and say which ones this
// transaction made. Two transactions writing the same new document cannot both make it:
// the uniqueness constraint makes the second wait for the first and then find its node,
// so "new" and the entity counts that follow are counted once.
// params: $ids: list<string> (the ids of the documents in the write)
// returns: id, created (true when this transaction made the node)
UNWIND $ids AS id
MERGE (d:Node {id: id})
WITH d, id, NOT d:Document AS created
SET d:Document
RETURN id, created
