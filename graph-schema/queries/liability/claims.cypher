// What the strength rule and the path summaries need of each claim: its author's research status, validity bounds, the records it
// links (not its evidence), and every citation with the evidence item's grade and what ties items to one source
// (an item's origin: the channel it was published in, else its source's pseudonym, which a forward names).
// An issuance holds from its order's date. Only what the reader's cases see: a claim of another case is not there, and
// a claim's citations are those of items the reader's cases see (its strength is theirs alone).
UNWIND $ids AS claimId
MATCH (c:Record {id: claimId})
WHERE ($everyCase OR any(k IN c.cases WHERE k IN $cases))
RETURN c.id AS id, c.type AS type, c.research AS research, c.start AS start, c.end AS end,
       c.fromMin AS fromMin, c.fromMax AS fromMax, c.toMin AS toMin, c.toMax AS toMax,
       c.role AS role, c.relation AS relation, c.basis AS basis, c.title AS title, c.rank AS rank,
       c.relationship AS relationship, c.share AS share, c.country AS country, c.place AS place,
       head([(c)-[:ORDER]->(o:Order) | [o.date, o.dateMin, o.dateMax]]) AS orderDate,
       [(c)-[l]->(t:Entity) WHERE type(l) <> 'CITES' | {edge: type(l), id: t.id, type: t.type, name: t.name}] AS links,
       [(c)-[ct:CITES]->(e:Evidence) WHERE ($everyCase OR any(k IN e.cases WHERE k IN $cases)) | {
           evidence: e.id, title: e.name, stance: ct.stance, pinpoint: ct.pinpoint, kind: e.kind, sha256: e.sha256,
           forwardedFrom: e.forwardedFrom, credibility: e.credibility,
           origin: coalesce(e.channel, head([(e)-[:FROM_SOURCE]->(s) WHERE ($everyCase OR any(k IN s.cases WHERE k IN $cases)) | s.pseudonym])),
           copyOf: head([(e)-[:COPY_OF]->(o) WHERE ($everyCase OR any(k IN o.cases WHERE k IN $cases)) | o.id]),
           source: head([(e)-[:FROM_SOURCE]->(s) WHERE ($everyCase OR any(k IN s.cases WHERE k IN $cases)) | s.id]),
           reliability: head([(e)-[:FROM_SOURCE]->(s) WHERE ($everyCase OR any(k IN s.cases WHERE k IN $cases)) | s.reliability]),
           authoredBy: head([(e)-[:AUTHORED_BY]->(a) | a.id])}] AS citations
