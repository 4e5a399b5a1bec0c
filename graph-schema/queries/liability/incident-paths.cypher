// Everyone who may bear responsibility for an incident, one row per path of claims, evaluated at the incident's
// dates [startMin, endMax]: persons involved themselves; commanders (at that date) of an involved unit or of a
// unit above it (through UNDER links valid then); issuers of orders that name the incident or went to such a unit
// (for an order issued by a unit, whoever commanded that unit on the order's date).
// Paths are listed from the incident outwards: claims [involvement, unit links..., posting] and units
// [involved unit ... commanded unit]. Knowledge and failure-to-act claims of the person on the incident ride along.
// Only claims the reader's cases see are walked: a path through a claim of another case does not exist for the reader.
MATCH (i:Record {id: $id})
WHERE i:Incident AND ($everyCase OR any(k IN i.cases WHERE k IN $cases))
CALL (i) {
  MATCH (p:Person)-[inv:INVOLVED_IN]->(i)
  WHERE p.retiredAt IS NULL AND ($everyCase OR any(k IN inv.cases WHERE k IN $cases))
  RETURN p.id AS person, 'involvement' AS route, inv.role AS role, [inv.claim] AS claims, [] AS units, 0 AS depth
UNION ALL
  MATCH (u:Unit)-[inv:INVOLVED_IN]->(i)
  WHERE u.retiredAt IS NULL AND ($everyCase OR any(k IN inv.cases WHERE k IN $cases))
  MATCH path = (u) (()-[r:UNDER WHERE r.fromMin <= i.endMax AND r.toMax >= i.startMin AND ($everyCase OR any(k IN r.cases WHERE k IN $cases))]->()){0,12} (x:Unit)
  WHERE length(path) <= $maxDepth
  MATCH (p:Person)-[po:POSTED_TO]->(x)
  WHERE po.role IN $roles AND po.fromMin <= i.endMax AND po.toMax >= i.startMin AND p.retiredAt IS NULL AND ($everyCase OR any(k IN po.cases WHERE k IN $cases))
  RETURN p.id AS person, 'command' AS route, inv.role AS role,
         [inv.claim] + [rel IN relationships(path) | rel.claim] + [po.claim] AS claims,
         [n IN nodes(path) | n.id] AS units, length(path) AS depth
UNION ALL
  MATCH (i)<-[:LED_TO]-(iss:Issuance)-[:ISSUER]->(issuer)
  MATCH (iss)-[:ORDER]->(o:Order)
  WHERE iss.retiredAt IS NULL AND ($everyCase OR any(k IN iss.cases WHERE k IN $cases))
  CALL (issuer, o) {
    // the person who issued the order, or whoever commanded the issuing unit on the order's date
    WITH issuer WHERE issuer:Person
    RETURN issuer AS p, null AS via
  UNION
    MATCH (p:Person)-[po:POSTED_TO]->(issuer:Unit)
    WHERE po.role IN $roles AND po.fromMin <= o.dateMax AND po.toMax >= o.dateMin AND ($everyCase OR any(k IN po.cases WHERE k IN $cases))
    RETURN p, po.claim AS via
  }
  WITH p, via, iss WHERE p.retiredAt IS NULL
  RETURN p.id AS person, 'order' AS route, null AS role, [iss.id] + CASE WHEN via IS NULL THEN [] ELSE [via] END AS claims, [] AS units, 0 AS depth
UNION ALL
  MATCH (u:Unit)-[inv:INVOLVED_IN]->(i)
  WHERE u.retiredAt IS NULL AND ($everyCase OR any(k IN inv.cases WHERE k IN $cases))
  MATCH path = (u) (()-[r:UNDER WHERE r.fromMin <= i.endMax AND r.toMax >= i.startMin AND ($everyCase OR any(k IN r.cases WHERE k IN $cases))]->()){0,12} (x:Unit)
  WHERE length(path) <= $maxDepth
  MATCH (x)<-[:RECIPIENT]-(iss:Issuance)-[:ISSUER]->(issuer)
  MATCH (iss)-[:ORDER]->(o:Order)
  WHERE iss.retiredAt IS NULL AND o.dateMin <= i.endMax AND NOT (iss)-[:LED_TO]->(i) AND ($everyCase OR any(k IN iss.cases WHERE k IN $cases))
  CALL (issuer, o) {
    WITH issuer WHERE issuer:Person
    RETURN issuer AS p, null AS via
  UNION
    MATCH (p:Person)-[po:POSTED_TO]->(issuer:Unit)
    WHERE po.role IN $roles AND po.fromMin <= o.dateMax AND po.toMax >= o.dateMin AND ($everyCase OR any(k IN po.cases WHERE k IN $cases))
    RETURN p, po.claim AS via
  }
  WITH p, via, iss, inv, path WHERE p.retiredAt IS NULL
  RETURN p.id AS person, 'order' AS route, inv.role AS role,
         [inv.claim] + [rel IN relationships(path) | rel.claim] + [iss.id] + CASE WHEN via IS NULL THEN [] ELSE [via] END AS claims,
         [n IN nodes(path) | n.id] AS units, length(path) AS depth
}
RETURN person, i.id AS incident, route, role, claims, units, depth,
       COLLECT { MATCH (:Record {id: person})-[kn:KNEW_OF]->(i) WHERE ($everyCase OR any(k IN kn.cases WHERE k IN $cases)) RETURN kn.claim } AS knowledge,
       COLLECT { MATCH (:Record {id: person})-[f:INVOLVED_IN]->(i) WHERE f.role IN ['failed-to-prevent', 'failed-to-punish']
                 AND ($everyCase OR any(k IN f.cases WHERE k IN $cases)) RETURN f.claim } AS failures
