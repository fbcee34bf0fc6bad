#!/usr/bin/env python3
"""Plans a scenario with the jadwal Python package and prints a summary.

    plan.py SCENARIO.yaml [OUT_DIR [POLICY]]

Plans under POLICY (default: "flexible" when the scenario has it, else its
default policy), shows progress, checks the plan with the independent checker,
writes every output to OUT_DIR when given, and explains one person's plan.
"""

import sys

import jadwal


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    try:
        scenario = jadwal.load(argv[1])
    except jadwal.ScenarioError as e:
        for d in e.diagnostics:
            print(d, file=sys.stderr)
        return 1
    print(f"jadwal {jadwal.__version__}: {scenario.name}, {len(scenario.employees)} people, "
          f"{scenario.demand_count} demand items, zone {scenario.timezone.key}")

    policies = [p.id for p in scenario.policies]
    policy = argv[3] if len(argv) > 3 else ("flexible" if "flexible" in policies else None)

    def progress(p):
        if p.phase == "done":
            print(f"solved: {p.demand_placed} of {p.demand_total} placed in {p.elapsed_seconds:.2f} s", file=sys.stderr)

    # A move limit and no time limit: the same plan on every run.
    plan = jadwal.solve(scenario, policy=policy, seed=1, max_moves=20_000, progress=progress)
    m = plan.metrics

    for c in plan.cohorts:
        first = c.sessions[0].start.strftime("%a %d %b %Y %H:%M %Z") if c.sessions else "-"
        print(f"  {c.id:<24} {c.mode:<12} {len(c.participants):2} people, {len(c.sessions):2} sessions, first {first}")
    print(f"  {len(plan.study_blocks)} self-paced study blocks, {len(plan.unplaced)} demands unplaced")
    if plan.unplaced:
        u = plan.unplaced[0]
        print(f"  e.g. {u.employee} / {u.program}: {u.reasons[0].code}")

    if plan.cohorts and plan.cohorts[0].participants:
        x = jadwal.explain(plan, plan.cohorts[0].participants[0])
        print(f"  {x['name']}: {x['placed_jp']} of {x['jp_target']} JP placed in {len(x['trainings'])} trainings")

    report = jadwal.verify(plan)
    print(f"  checked: {len(report.violations)} violations")
    if len(argv) > 2:
        out = plan.write_outputs(argv[2])
        print(f"  wrote {out}")
    if not report.ok:
        return 1
    print(f"status {plan.status}: {m['demand_placed']} of {m['demand_total']} demands placed "
          f"({100 * m['participation_rate']:.1f}%) under policy {plan.policy}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
