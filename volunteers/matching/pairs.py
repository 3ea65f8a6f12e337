"""Candidate pairs at scale: the hard constraints and the score, column by column.

`constraints` and `scoring` say what a pair is worth one pair at a time, with reasons; for
10,000 volunteers and 2,000 needs that is over a million Python calls. Here the same rules
run on NumPy columns of the volunteers of one district, and only the pairs a plan proposes
get their reasons from `scoring`. Tests hold the two to the same pairs and the same points.
"""

from collections import defaultdict

import numpy as np

from volunteers.matching.data import HOURS_PER_SLOT, slots_mask
from volunteers.matching.scoring import GOOD_HISTORY_CAP, WEIGHTS, HistoryIndex


class Columns:
    """The volunteers' attributes as arrays, indexed by their position in id order."""

    def __init__(self, volunteers, history: HistoryIndex):
        m = len(volunteers)
        self.slots = np.fromiter((slots_mask(v.slots) for v in volunteers), np.int64, m)
        self.capacity = np.fromiter((v.capacity for v in volunteers), np.int64, m)
        self.age = np.fromiter((v.age for v in volunteers), np.int64, m)
        self.cleared_until = np.fromiter(
            (v.clearance_valid_until.toordinal() if v.clearance_valid_until else -1 for v in volunteers),
            np.int64,
            m,
        )
        self.licence = np.fromiter((v.has_licence for v in volunteers), bool, m)
        self.car = np.fromiter((v.has_car for v in volunteers), bool, m)
        self.good = np.fromiter(
            (min(history.good_matches.get(v.id, 0), GOOD_HISTORY_CAP) for v in volunteers), np.int64, m
        )
        members = defaultdict(list)
        districts = defaultdict(list)
        for index, v in enumerate(volunteers):
            members["gender", v.gender].append(index)
            for kind, values in (
                ("skill", v.skills),
                ("language", v.languages),
                ("disability", v.disability_experience),
            ):
                for value in values:
                    members[kind, value].append(index)
            for district in v.districts:
                districts[district].append(index)
        self.members = {key: self._mask(m, indices) for key, indices in members.items()}
        self.nobody = np.zeros(m, bool)
        self.by_district = {d: np.array(indices, np.int64) for d, indices in districts.items()}
        position = {v.id: i for i, v in enumerate(volunteers)}
        self.helped = defaultdict(list)
        for volunteer_id, household_id in history.helped:
            if volunteer_id in position:
                self.helped[household_id].append(position[volunteer_id])

    @staticmethod
    def _mask(m, indices):
        mask = np.zeros(m, bool)
        mask[indices] = True
        return mask

    def member(self, kind, value, among):
        return self.members.get((kind, value), self.nobody)[among]

    def candidates(self, need):
        """Positions and points of the volunteers who may take `need`, in id order."""
        among = self.by_district.get(need.district)
        if among is None:
            return among, None
        wanted = slots_mask(need.slots)
        ok = (self.slots[among] & wanted) != 0
        ok &= self.capacity[among] > 0
        ok &= self.age[among] >= need.minimum_age
        if need.child_involved:
            ok &= self.cleared_until[among] >= need.start.toordinal()
        if need.preferred_gender:
            ok &= self.member("gender", need.preferred_gender, among)
        if need.language:
            ok &= self.member("language", need.language, among)
        if need.disability:
            ok &= self.member("disability", need.disability, among)
        if need.needs_licence:
            ok &= self.licence[among]
        if need.needs_car:
            ok &= self.car[among]
        chosen = among[ok]
        return chosen, self.points(need, chosen, wanted)

    def points(self, need, chosen, wanted):
        # bitwise_count answers in uint8; points in int64, or 40 × 7 hours would wrap around.
        shared_slots = np.bitwise_count(self.slots[chosen] & wanted).astype(np.int64)
        hours = np.minimum(need.hours_per_week, HOURS_PER_SLOT * shared_slots)
        points = WEIGHTS["same_district"] + WEIGHTS["hours"] * hours // max(need.hours_per_week, 1)
        if need.skills:
            shared = sum(self.member("skill", s, chosen).astype(np.int64) for s in need.skills)
            points = points + WEIGHTS["skills"] * shared // len(need.skills)
        if need.disability:
            points = points + WEIGHTS["experience"] * self.member("disability", need.disability, chosen)
        if need.language:
            points = points + WEIGHTS["shared_language"] * self.member("language", need.language, chosen)
        points = points + WEIGHTS["good_history"] * self.good[chosen]
        helped = self.helped.get(need.household_id)
        if helped:
            points = points + WEIGHTS["continuity"] * np.isin(chosen, helped)
        return points.astype(np.int64)
