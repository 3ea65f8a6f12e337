"""The global plan: the assignment of volunteers to open needs with the highest total score.

Exact, by min-cost flow (OR-Tools): source → each need (capacity 1) → each admissible
volunteer (cost: minus the pair's score) → sink (capacity: the volunteer's remaining
places), plus a bypass arc need → sink at cost 0 so a need may stay open. Every candidate
scores above zero, so the optimum leaves a need open only when no volunteer can take it
without costing more elsewhere. Greedy assignment is kept only as the bench's baseline.

Same input, same output: volunteers and needs are put in id order before anything is built,
and among plans of equal score the one using lower-id volunteers wins (a secondary cost
too small to outweigh one point of score).
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from ortools.graph.python.min_cost_flow import SimpleMinCostFlow

from volunteers.matching.constraints import CHECKS, REQUIREMENTS, exclusions
from volunteers.matching.data import Need
from volunteers.matching.pairs import Columns
from volunteers.matching.reasons import Reason
from volunteers.matching.scoring import HistoryIndex, score


@dataclass(frozen=True)
class Proposal:
    need_id: int
    volunteer_id: int
    score: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Plan:
    proposals: tuple[Proposal, ...]
    unmatched: tuple[tuple[int, Reason], ...]
    total: int
    candidate_pairs: int


class Candidates:
    """The admissible pairs, found through an index of volunteers by district and time slot."""

    def __init__(self, volunteers, needs, history=()):
        self.volunteers = sorted(volunteers, key=lambda v: v.id)
        self.needs = sorted(needs, key=lambda n: n.id)
        self.history = HistoryIndex.build(history)
        self.by_place_and_time = defaultdict(list)
        self.districts = set()
        for index, volunteer in enumerate(self.volunteers):
            self.districts |= volunteer.districts
            for district in volunteer.districts:
                for slot in volunteer.slots:
                    self.by_place_and_time[district, slot].append(index)
        columns = Columns(self.volunteers, self.history)
        need_of, volunteer_of, points = [], [], []
        for need_index, need in enumerate(self.needs):
            chosen, scores = columns.candidates(need)
            if chosen is not None and len(chosen):
                need_of.append(np.full(len(chosen), need_index, np.int64))
                volunteer_of.append(chosen)
                points.append(scores)
        empty = [np.zeros(0, np.int64)]
        self.need_of = np.concatenate(need_of or empty)
        self.volunteer_of = np.concatenate(volunteer_of or empty)
        self.points = np.concatenate(points or empty)

    def free_then(self, need: Need):
        """Volunteers in the need's district with at least one of its slots, in id order."""
        found = set()
        for slot in need.slots:
            found.update(self.by_place_and_time.get((need.district, slot), ()))
        return sorted(found)

    def explain_unmatched(self, need: Need, had_candidates: bool) -> Reason:
        if had_candidates:
            return Reason("candidates_taken")
        if need.district not in self.districts:
            return Reason("nobody_in_district", (need.district,))
        free = [self.volunteers[i] for i in self.free_then(need)]
        if not free:
            return Reason("nobody_free")
        if any(not exclusions(volunteer, need, REQUIREMENTS) for volunteer in free):
            return Reason("everyone_at_capacity")
        unmet = {reason for v in free for reason in exclusions(v, need, REQUIREMENTS)}
        order = {check.__name__: i for i, check in enumerate(CHECKS)}
        return Reason(
            "requirements_unmet",
            (tuple(sorted(unmet, key=lambda r: (order[r.code], repr(r.params)))),),
        )

    def plan(self, chosen) -> Plan:
        """A `Plan` from the chosen pair positions, with every other need explained."""
        proposals = []
        matched = set()
        for position in sorted(chosen):
            need = self.needs[self.need_of[position]]
            volunteer = self.volunteers[self.volunteer_of[position]]
            matched.add(int(self.need_of[position]))
            points, reasons = score(volunteer, need, self.history)
            proposals.append(Proposal(need.id, volunteer.id, points, reasons))
        with_candidates = set(self.need_of.tolist())
        unmatched = tuple(
            (need.id, self.explain_unmatched(need, index in with_candidates))
            for index, need in enumerate(self.needs)
            if index not in matched
        )
        proposals.sort(key=lambda p: p.need_id)
        return Plan(tuple(proposals), unmatched, sum(p.score for p in proposals), len(self.need_of))


def solve_plan(volunteers, needs, history=()) -> Plan:
    return solve_candidates(Candidates(volunteers, needs, history))


def solve_candidates(candidates: Candidates) -> Plan:
    """The exact plan over pairs already built (the bench times building and solving apart)."""
    n, m, pairs = len(candidates.needs), len(candidates.volunteers), len(candidates.need_of)
    if not pairs:
        return candidates.plan([])
    source, sink = 0, n + m + 1
    # One point of score outweighs any sum of volunteer positions, so the tie-break never
    # lowers the total.
    scale = n * m + 1
    need_nodes = np.arange(1, n + 1, dtype=np.int64)
    volunteer_nodes = np.arange(n + 1, n + m + 1, dtype=np.int64)
    capacities = np.fromiter((max(v.capacity, 0) for v in candidates.volunteers), np.int64, m)
    tails = np.concatenate([np.full(n, source), candidates.need_of + 1, need_nodes, volunteer_nodes])
    heads = np.concatenate([need_nodes, candidates.volunteer_of + n + 1, np.full(n, sink), np.full(m, sink)])
    arc_capacities = np.concatenate([np.ones(n), np.ones(pairs), np.ones(n), capacities])
    costs = np.concatenate([np.zeros(n), candidates.volunteer_of - candidates.points * scale, np.zeros(n), np.zeros(m)])
    flow = SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32),
        heads.astype(np.int32),
        arc_capacities.astype(np.int64),
        costs.astype(np.int64),
    )
    supplies = np.zeros(n + m + 2, dtype=np.int64)
    supplies[source], supplies[sink] = n, -n
    flow.set_nodes_supplies(np.arange(n + m + 2, dtype=np.int32), supplies)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    pair_arcs = np.arange(n, n + pairs, dtype=np.int32)
    chosen = np.nonzero(flow.flows(pair_arcs))[0]
    return candidates.plan(chosen.tolist())


def greedy_plan(volunteers, needs, history=()) -> Plan:
    """Best pair first while places last: the baseline the exact plan must never fall below."""
    candidates = Candidates(volunteers, needs, history)
    left = [v.capacity for v in candidates.volunteers]
    taken = set()
    chosen = []
    # Best score first; equal scores in need order, then volunteer order.
    for position in np.lexsort((np.arange(len(candidates.points)), -candidates.points)).tolist():
        need_index = int(candidates.need_of[position])
        volunteer_index = int(candidates.volunteer_of[position])
        if need_index not in taken and left[volunteer_index] > 0:
            taken.add(need_index)
            left[volunteer_index] -= 1
            chosen.append(position)
    return candidates.plan(chosen)


def rank_for_need(need: Need, volunteers, history=()):
    """For one need: admissible volunteers best first, and every other one with why not."""
    index = HistoryIndex.build(history)
    ranked, excluded = [], []
    for volunteer in sorted(volunteers, key=lambda v: v.id):
        reasons = exclusions(volunteer, need)
        if reasons:
            excluded.append((volunteer.id, reasons))
        else:
            points, why = score(volunteer, need, index)
            ranked.append(Proposal(need.id, volunteer.id, points, why))
    ranked.sort(key=lambda p: (-p.score, p.volunteer_id))
    return ranked, excluded
