// What an evidence item supports or contradicts: every claim the reader's cases see citing it, with stance and pinpoint.
MATCH (e:Record {id: $id})<-[c:CITES]-(claim:Claim)
WHERE $everyCase OR any(k IN claim.cases WHERE k IN $cases)
RETURN claim.id AS claim, claim.type AS type, claim.name AS name, c.stance AS stance, c.pinpoint AS pinpoint,
       claim.retiredAt IS NOT NULL AS retired
ORDER BY claim.id
