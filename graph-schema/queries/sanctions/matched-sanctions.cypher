// The live Sanction records that came from one confirmed ListMatch.
MATCH (s:Sanction)-[:MATCHED_BY]->(:ListMatch {id: $match})
WHERE s.retiredAt IS NULL
RETURN s.id AS id
ORDER BY s.id
