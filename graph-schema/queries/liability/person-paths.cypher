// Every incident a person may bear responsibility for, one row per path of claims (the same paths as
// incident-paths.cypher, found from the person's side): own involvement; command of a unit at the incident's
// dates, the incident being the act of that unit or of one below it through UNDER links valid then; orders the
// person issued (or that a unit issued while the person commanded it) that name the incident or went to such a unit.
// Only claims the reader's cases see are walked: a path through a claim of another case does not exist for the reader.
MATCH (p:Record {id: $id})
WHERE p:Person AND ($everyCase OR any(k IN p.cases WHERE k IN $cases))
CALL (p) {
  MATCH (p)-[inv:INVOLVED_IN]->(i:Incident)
  WHERE i.retiredAt IS NULL AND ($everyCase OR any(k IN inv.cases WHERE k IN $cases))
  RETURN i, 'involvement' AS route, inv.role AS role, [inv.claim] AS claims, [] AS units, 0 AS depth
UNION ALL
  MATCH (p)-[po:POSTED_TO]->(x:Unit)
  WHERE po.role IN $roles AND ($everyCase OR any(k IN po.cases WHERE k IN $cases))
  MATCH path = (u:Unit) (()-[r:UNDER WHERE r.fromMin <= po.toMax AND r.toMax >= po.fromMin AND ($everyCase OR any(k IN r.cases WHERE k IN $cases))]->()){0,12} (x)
  WHERE length(path) <= $maxDepth
  MATCH (u)-[inv:INVOLVED_IN]->(i:Incident)
  WHERE i.retiredAt IS NULL AND po.fromMin <= i.endMax AND po.toMax >= i.startMin AND ($everyCase OR any(k IN inv.cases WHERE k IN $cases))
    AND all(rel IN relationships(path) WHERE rel.fromMin <= i.endMax AND rel.toMax >= i.startMin)
  RETURN i, 'command' AS route, inv.role AS role,
         [inv.claim] + [rel IN relationships(path) | rel.claim] + [po.claim] AS claims,
         [n IN nodes(path) | n.id] AS units, length(path) AS depth
UNION ALL
  CALL (p) {
    // orders the person issued, and orders issued by a unit the person commanded on the order's date
    MATCH (p)<-[:ISSUER]-(iss:Issuance)
    RETURN iss, null AS via
  UNION
    MATCH (p)-[po:POSTED_TO]->(:Unit)<-[:ISSUER]-(iss:Issuance)-[:ORDER]->(o:Order)
    WHERE po.role IN $roles AND po.fromMin <= o.dateMax AND po.toMax >= o.dateMin AND ($everyCase OR any(k IN po.cases WHERE k IN $cases))
    RETURN iss, po.claim AS via
  }
  MATCH (iss)-[:LED_TO]->(i:Incident)
  WHERE iss.retiredAt IS NULL AND i.retiredAt IS NULL AND ($everyCase OR any(k IN iss.cases WHERE k IN $cases))
  RETURN i, 'order' AS route, null AS role, [iss.id] + CASE WHEN via IS NULL THEN [] ELSE [via] END AS claims, [] AS units, 0 AS depth
UNION ALL
  CALL (p) {
    MATCH (p)<-[:ISSUER]-(iss:Issuance)
    RETURN iss, null AS via
  UNION
    MATCH (p)-[po:POSTED_TO]->(:Unit)<-[:ISSUER]-(iss:Issuance)-[:ORDER]->(o:Order)
    WHERE po.role IN $roles AND po.fromMin <= o.dateMax AND po.toMax >= o.dateMin AND ($everyCase OR any(k IN po.cases WHERE k IN $cases))
    RETURN iss, po.claim AS via
  }
  MATCH (iss)-[:RECIPIENT]->(x:Unit)
  MATCH (iss)-[:ORDER]->(o:Order)
  WHERE iss.retiredAt IS NULL AND ($everyCase OR any(k IN iss.cases WHERE k IN $cases))
  MATCH path = (u:Unit) (()-[r:UNDER WHERE ($everyCase OR any(k IN r.cases WHERE k IN $cases))]->()){0,12} (x)
  WHERE length(path) <= $maxDepth
  MATCH (u)-[inv:INVOLVED_IN]->(i:Incident)
  WHERE i.retiredAt IS NULL AND o.dateMin <= i.endMax AND NOT (iss)-[:LED_TO]->(i) AND ($everyCase OR any(k IN inv.cases WHERE k IN $cases))
    AND all(rel IN relationships(path) WHERE rel.fromMin <= i.endMax AND rel.toMax >= i.startMin)
  RETURN i, 'order' AS route, inv.role AS role,
         [inv.claim] + [rel IN relationships(path) | rel.claim] + [iss.id] + CASE WHEN via IS NULL THEN [] ELSE [via] END AS claims,
         [n IN nodes(path) | n.id] AS units, length(path) AS depth
}
RETURN p.id AS person, i.id AS incident, route, role, claims, units, depth,
       COLLECT { MATCH (p)-[kn:KNEW_OF]->(i) WHERE ($everyCase OR any(k IN kn.cases WHERE k IN $cases)) RETURN kn.claim } AS knowledge,
       COLLECT { MATCH (p)-[f:INVOLVED_IN]->(i) WHERE f.role IN ['failed-to-prevent', 'failed-to-punish'] AND ($everyCase OR any(k IN f.cases WHERE k IN $cases))
                 RETURN f.claim } AS failures
