// Display facts of persons, units and incidents named in an answer (those the reader's cases see).
UNWIND $ids AS recordId
MATCH (n:Record {id: recordId})
WHERE ($everyCase OR any(k IN n.cases WHERE k IN $cases))
RETURN n.id AS id, n.type AS type, n.name AS name, n.latinName AS latinName, n.classification AS classification,
       n.start AS start, n.end AS end, n.startMin AS startMin, n.startMax AS startMax, n.endMin AS endMin,
       n.endMax AS endMax, n.placeName AS placeName, n.violations AS violations, n.investigation AS investigation,
       n.retiredAt IS NOT NULL AS retired
