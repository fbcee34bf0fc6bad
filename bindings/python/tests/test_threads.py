"""The GIL while solving, progress callbacks, Ctrl-C and cancelling."""

import _thread
import threading
import time

import pytest

import jadwal


def test_other_python_threads_keep_running_while_a_solve_runs(scenario):
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.monotonic())
            time.sleep(0.01)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        time.sleep(0.05)
        began = time.monotonic()
        plan = jadwal.solve(scenario, policy="flexible", time_limit=1.0)
        ended = time.monotonic()
    finally:
        stop.set()
        t.join()
    assert ended - began >= 0.9  # the search ran until its time limit
    during = [x for x in ticks if began < x < ended]
    # About 100 ticks of 10 ms fit in a second; a solve holding the GIL allows none.
    assert len(during) >= 20, f"only {len(during)} ticks in {ended - began:.2f} s of solving"
    assert plan.moves > 0


def test_two_threads_can_solve_the_same_scenario_at_once(scenario):
    results = {}

    def run(seed):
        results[seed] = jadwal.solve(scenario, seed=seed, max_moves=20_000, policy="flexible")

    threads = [threading.Thread(target=run, args=(seed,)) for seed in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(results) == {1, 2}
    alone = jadwal.solve(scenario, seed=2, max_moves=20_000, policy="flexible")
    assert results[2].to_dict()["cohorts"] == alone.to_dict()["cohorts"]
    assert results[2].to_dict()["study_blocks"] == alone.to_dict()["study_blocks"]


def test_progress_reports_each_phase_in_order_ending_with_done(scenario):
    seen = []
    jadwal.solve(scenario, policy="flexible", max_moves=20_000, progress=seen.append)
    phases = [p.phase for p in seen]
    assert phases[0] == "compile" and phases[-1] == "done"
    assert phases.index("construct") < phases.index("search") < phases.index("done")
    assert all(isinstance(p, jadwal.Progress) for p in seen)
    assert seen[-1].demand_total == 18 and seen[-1].demand_placed > 0
    assert seen[-1].moves == 20_000


class Stop(Exception):
    pass


def test_an_exception_raised_by_the_progress_callback_stops_the_solve_and_propagates(scenario):
    calls = []

    def progress(p):
        calls.append(p.phase)
        if p.phase == "search":
            raise Stop("enough")

    began = time.monotonic()
    with pytest.raises(Stop, match="enough"):
        jadwal.solve(scenario, policy="flexible", time_limit=30, progress=progress)
    assert time.monotonic() - began < 10  # not the 30 s the time limit allows
    assert calls.count("search") == 1  # not called again once it raised


def test_keyboard_interrupt_in_the_progress_callback_propagates(scenario):
    def progress(p):
        if p.phase == "search":
            raise KeyboardInterrupt

    began = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        jadwal.solve(scenario, policy="flexible", time_limit=30, progress=progress)
    assert time.monotonic() - began < 10


def test_ctrl_c_during_a_solve_stops_it_with_keyboard_interrupt(scenario):
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals reach the main thread only")
    timer = threading.Timer(0.5, _thread.interrupt_main)
    began = time.monotonic()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            jadwal.solve(scenario, policy="flexible", time_limit=30)
    finally:
        timer.cancel()
    assert time.monotonic() - began < 10


def test_a_cancel_token_stops_a_solve_from_another_thread_with_the_best_plan_so_far(scenario):
    token = jadwal.CancelToken()
    assert not token.cancelled
    threading.Timer(0.5, token.cancel).start()
    began = time.monotonic()
    plan = jadwal.solve(scenario, policy="flexible", time_limit=30, cancel=token)
    assert time.monotonic() - began < 10
    assert token.cancelled
    assert plan.metrics["demand_placed"] > 0
    assert jadwal.verify(plan).ok
