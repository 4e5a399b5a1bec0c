// The live Sanction records of a person (designations), oldest listing first.
MATCH (s:Sanction)-[:DESIGNATES]->(:Person {id: $person})
WHERE s.retiredAt IS NULL
RETURN s.id AS id
ORDER BY s.listingDateMin, s.id
