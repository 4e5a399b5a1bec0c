// A claim's author no longer types a "status" beside its review state: what was "disputed" is the research status
// "conflicting-sources", what was "needs-work" stays so, and "accepted" said nothing a review does not. The journal keeps
// what was written; this brings a graph projected before up to what a rebuild now gives.
MATCH (c:Claim) WHERE c.status IS NOT NULL
SET c.research = CASE c.status WHEN 'disputed' THEN 'conflicting-sources' WHEN 'needs-work' THEN 'needs-work' ELSE null END
REMOVE c.status;
MATCH ()-[r:POSTED_TO|UNDER|INVOLVED_IN|ISSUED|KNEW_OF|SAME_AS|OWNS|DIRECTS|RELATIVE|ASSOCIATED_WITH]->() WHERE r.status IS NOT NULL
SET r.research = CASE r.status WHEN 'disputed' THEN 'conflicting-sources' WHEN 'needs-work' THEN 'needs-work' ELSE null END
REMOVE r.status
