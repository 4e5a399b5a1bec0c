// Every post a person held at a date, in any role, by postings the reader's cases see.
MATCH (p:Record {id: $id})-[po:POSTED_TO]->(x:Unit)
WHERE p:Person AND po.fromMin <= $atMax AND po.toMax >= $atMin AND ($everyCase OR any(k IN p.cases WHERE k IN $cases)) AND ($everyCase OR any(k IN po.cases WHERE k IN $cases))
RETURN x.id AS unit, po.role AS role, po.claim AS claim
