"""Demo volunteering: each centre's districts, skills and open tasks, then volunteers in every
state of the journey (applied, waiting, accepted, with hours, agreements and checks)."""
