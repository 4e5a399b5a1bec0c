// Every post a person held at a date, in any role.
MATCH (p:Record {id: $id})-[po:POSTED_TO]->(x:Unit)
WHERE p:Person AND po.fromMin <= $atMax AND po.toMax >= $atMin
RETURN x.id AS unit, po.role AS role, po.claim AS claim
