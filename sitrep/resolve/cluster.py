"""Matching: new mentions join events (existing or new); events that turn out to be one merge.

Pure, in memory: a `Pool` holds the candidate events of one batch (loaded block by block from
the store through its `loader`, or built by hand in tests). `assign` decides, `Outcome` says
what changed; the orchestrator in `sitrep.resolve` writes it back.

Rules (docs/resolution.md):
- a mention joins the candidate event with the best link, provided no member of that event
  contradicts it (complete linkage: a report of Kafr Nabl never joins an event that already
  holds a report of Maarat al-Numan, even through a province-level report);
- a weak link (nearby place, province only, neighbouring day, week/month date) joins only when
  that event is the one candidate in reach; otherwise the mention founds its own event;
- when two events turn out to be one, the older id survives and the other becomes an alias.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sitrep.ids import event_id_for
from sitrep.model import Mention
from sitrep.resolve.blocking import is_dated, is_precise_place, probe_keys, register_keys
from sitrep.resolve.compat import Link, contradicts, link

# stored events filed under some block keys: (event id, age, members); a smaller age is older
Loader = Callable[[set[str]], Iterable[tuple[str, tuple, list[Mention]]]]
# do two documents carry the same text (a repost, a syndicated copy)?
SameSource = Callable[[str, str], bool]


@dataclass
class Cluster:
    id: str
    members: list[Mention]
    age: tuple  # stored events: (0, created_at, id); new ones: (1, founding order)
    stored: bool


@dataclass
class Outcome:
    assignments: dict[str, str] = field(default_factory=dict)  # mention id -> event id, changed only
    created: set[str] = field(default_factory=set)  # new events
    grown: set[str] = field(default_factory=set)  # stored events that gained members
    merged: dict[str, str] = field(default_factory=dict)  # stored event id -> the event it merged into


def _never(_a: str, _b: str) -> bool:
    return False


def _better(a: Link | None, b: Link | None) -> Link | None:
    if a is None or (b is not None and (b.strong, b.score) > (a.strong, a.score)):
        return b
    return a


class Pool:
    """The candidate events of one batch, indexed by block key and by document."""

    def __init__(self, loader: Loader | None = None, same_source: SameSource = _never):
        self.loader = loader
        self.same_source = same_source
        self.clusters: dict[str, Cluster] = {}
        self.by_key: dict[str, set[str]] = {}
        self.by_document: dict[str, set[str]] = {}
        self.loaded_keys: set[str] = set()
        self._founded = 0
        self._probes: dict[str, list[str]] = {}

    def ensure(self, keys: Iterable[str]) -> None:
        """Load from the store every event filed under one of these keys (once per key)."""
        if self.loader is None:
            return
        missing = set(keys) - self.loaded_keys
        if not missing:
            return
        self.loaded_keys |= missing
        for event_id, age, members in self.loader(missing):
            if event_id not in self.clusters:
                self.add(Cluster(event_id, [], age, stored=True), members)

    def add(self, cluster: Cluster, members: list[Mention]) -> None:
        self.clusters[cluster.id] = cluster
        for m in members:
            self.join(cluster, m)

    def join(self, cluster: Cluster, m: Mention) -> None:
        cluster.members.append(m)
        for key in register_keys(m):
            self.by_key.setdefault(key, set()).add(cluster.id)
        self.by_document.setdefault(m.document_id, set()).add(cluster.id)

    def found(self, m: Mention) -> Cluster:
        """A new event, named after the mention that founds it."""
        cluster = Cluster(event_id_for(m.id), [], (1, self._founded), stored=False)
        self._founded += 1
        self.add(cluster, [m])
        return cluster

    def absorb(self, survivor: Cluster, loser: Cluster) -> None:
        for m in loser.members:
            self.join(survivor, m)
        loser.members = []
        del self.clusters[loser.id]

    def probes(self, m: Mention) -> list[str]:
        keys = self._probes.get(m.id)
        if keys is None:
            keys = self._probes[m.id] = probe_keys(m)
        return keys

    def candidates(self, members: Iterable[Mention], exclude: str | None = None) -> list[Cluster]:
        """Events that share a block with any of `members`, or hold a mention of the same document."""
        ids: set[str] = set()
        for m in members:
            keys = self.probes(m)
            self.ensure(keys)
            for key in keys:
                ids |= self.by_key.get(key, set())
            ids |= self.by_document.get(m.document_id, set())
        ids.discard(exclude or "")
        return sorted((self.clusters[i] for i in ids if i in self.clusters), key=lambda c: c.age)

    def link_to(self, m: Mention, cluster: Cluster) -> tuple[bool, Link | None]:
        """(vetoed, best link): vetoed when any member contradicts `m` (complete linkage)."""
        best: Link | None = None
        for other in cluster.members:
            same = self.same_source(m.document_id, other.document_id)
            found = link(m, other, same)
            if found is None and contradicts(m, other, same):
                return True, None
            best = _better(best, found)
        return False, best


def processing_order(m: Mention) -> tuple:
    """Precise reports first, so that vaguer ones find the events they may belong to."""
    vague = (0 if is_precise_place(m) else 1) + (0 if is_dated(m) and m.date_precision == "day" else 1)
    first = m.evidence[0].start if m.evidence else 0
    return (vague, m.document_id, first, m.id)


def choose(links: list[tuple[Cluster, Link]]) -> Cluster | None:
    """The best strong candidate (ties: the older event); a weak one only if it is alone."""
    strong = [(c, lk) for c, lk in links if lk.strong]
    if strong:
        return min(strong, key=lambda cl: (-cl[1].score, cl[0].age))[0]
    return links[0][0] if len(links) == 1 else None


def _links_for_mention(m: Mention, pool: Pool) -> list[tuple[Cluster, Link]]:
    found = []
    for cluster in pool.candidates([m]):
        vetoed, best = pool.link_to(m, cluster)
        if not vetoed and best is not None:
            found.append((cluster, best))
    return found


def cluster_link(a: Cluster, b: Cluster, pool: Pool) -> Link | None:
    """Complete linkage between two events: no contradicting pair, and the best supporting one."""
    best: Link | None = None
    for m in a.members:
        vetoed, found = pool.link_to(m, b)
        if vetoed:
            return None
        best = _better(best, found)
    return best


def _links_for_cluster(cluster: Cluster, pool: Pool) -> list[tuple[Cluster, Link]]:
    found = []
    for other in pool.candidates(cluster.members, exclude=cluster.id):
        best = cluster_link(cluster, other, pool)
        if best is not None:
            found.append((other, best))
    return found


def assign(new: list[Mention], pool: Pool) -> Outcome:
    """Place every new mention in an event of the pool, then merge events that became one."""
    outcome = Outcome()
    # event id -> other events a new member also linked to: the only merges the batch can enable
    rivals: dict[str, set[str]] = {}
    for m in sorted(new, key=processing_order):
        links = _links_for_mention(m, pool)
        chosen = choose(links)
        if chosen is None:
            chosen = pool.found(m)
        else:
            pool.join(chosen, m)
        rivals.setdefault(chosen.id, set()).update(c.id for c, _ in links if c.id != chosen.id)
    moved = _consolidate(rivals, pool, outcome)
    changed = {m.id for m in new} | moved
    for cluster in pool.clusters.values():
        ids = [m.id for m in cluster.members if m.id in changed]
        outcome.assignments.update(dict.fromkeys(ids, cluster.id))
        if ids and cluster.stored:
            outcome.grown.add(cluster.id)
        elif ids:
            outcome.created.add(cluster.id)
    return outcome


def _consolidate(rivals: dict[str, set[str]], pool: Pool, outcome: Outcome) -> set[str]:
    """Merge events that the new reports showed to be one; returns the ids of moved mentions.

    Adding a report to an event can only make it one with an event that report also linked to
    (`rivals`); every other pair was already apart for a reason that still holds.
    """
    moved: set[str] = set()
    queue = [event_id for event_id, others in rivals.items() if others]
    while queue:
        cluster = pool.clusters.get(queue.pop(0))
        if cluster is None:
            continue
        links = [
            (other, lk)
            for other_id in sorted(rivals.get(cluster.id, ()))
            if (other := pool.clusters.get(other_id)) is not None and (lk := cluster_link(cluster, other, pool))
        ]
        partner = choose(links)
        if partner is None:
            continue
        if not any(lk.strong for _, lk in links):
            back = _links_for_cluster(partner, pool)  # a weak tie: each must be the other's only one
            if len(back) != 1 or back[0][0].id != cluster.id:
                continue
        survivor, loser = sorted((cluster, partner), key=lambda c: c.age)
        moved |= {m.id for m in loser.members}
        if loser.stored:
            outcome.merged[loser.id] = survivor.id
        for alias, target in list(outcome.merged.items()):
            if target == loser.id:
                outcome.merged[alias] = survivor.id
        pool.absorb(survivor, loser)
        merged_rivals = (rivals.pop(loser.id, set()) | rivals.get(survivor.id, set())) - {survivor.id, loser.id}
        rivals[survivor.id] = merged_rivals
        for others in rivals.values():
            if loser.id in others:
                others.discard(loser.id)
                others.add(survivor.id)
        queue.append(survivor.id)
    return moved
