// Who held a command role in each unit at a date, by postings the reader's cases see.
UNWIND $units AS unitId
MATCH (p:Person)-[po:POSTED_TO]->(x:Record {id: unitId})
WHERE po.role IN $roles AND po.fromMin <= $atMax AND po.toMax >= $atMin AND p.retiredAt IS NULL AND ($everyCase OR any(k IN po.cases WHERE k IN $cases))
RETURN x.id AS unit, p.id AS person, po.claim AS claim
