# Type stubs of the native module. Its functions hand plain tuples, lists and
# dicts to jadwal/__init__.py, which builds the public objects; use that module.
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

__version__: str
max_threads: int

# (severity, code, message, file, line, column, path); line/column 0 = unknown
_DiagnosticTuple = Tuple[str, str, str, str, int, int, str]

class CancelToken:
    """Stops solves from any thread; a cancelled solve returns the best plan so far."""

    def __init__(self) -> None: ...
    def cancel(self) -> None: ...
    @property
    def cancelled(self) -> bool: ...

class Scenario:
    @property
    def name(self) -> str: ...
    @property
    def zone(self) -> str: ...
    @property
    def horizon(self) -> Tuple[str, str]: ...
    @property
    def default_policy(self) -> Optional[str]: ...
    @property
    def demand_count(self) -> int: ...
    # (id, name, unit, status, jp_target, jp_cap, zone)
    def employees(self) -> List[Tuple[str, str, str, str, int, Optional[int], str]]: ...
    # (id, name, kind, district, zone)
    def units(self) -> List[Tuple[str, str, str, str, str]]: ...
    # (id, title, organizer, jp, [(module id, title, jp)], [mode])
    def programs(self) -> List[Tuple[str, str, str, int, List[Tuple[str, str, int]], List[str]]]: ...
    def policies(self) -> List[Tuple[str, str]]: ...
    def diagnostics(self) -> List[_DiagnosticTuple]: ...
    def add_leave(self, employee: str, start: str, end: str, why: str) -> None: ...
    def restrict(
        self,
        sessions: List[Tuple[str, str, str, int]],
        platforms: List[Tuple[str, int]],
        instructors: List[Tuple[str, List[str]]],
        venues: List[Tuple[str, List[str]]],
    ) -> None: ...
    def resources(self) -> Dict[str, List[Dict[str, Any]]]: ...
    def demand_by_program(self) -> Dict[str, int]: ...
    def program_uses(self) -> Dict[str, Dict[str, List[str]]]: ...

class Messages:
    def __init__(self, language: str) -> None: ...
    @property
    def language(self) -> str: ...
    def tr(self, id: str) -> str: ...
    def tr_in(self, context: str, id: str) -> str: ...
    def number(self, n: int) -> str: ...
    def decimal(self, x: float, decimals: int) -> str: ...
    def percent(self, ratio: float, decimals: int = ...) -> str: ...

class Solution:
    @property
    def status(self) -> str: ...
    @property
    def seed(self) -> int: ...
    @property
    def policy(self) -> str: ...
    @property
    def strategy(self) -> str: ...
    @property
    def stability(self) -> Optional[str]: ...
    @property
    def moves(self) -> int: ...
    @property
    def elapsed_seconds(self) -> float: ...
    @property
    def notes(self) -> List[str]: ...
    @property
    def threads(self) -> int: ...
    @property
    def zone(self) -> str: ...
    def metrics(self) -> Dict[str, Union[int, float]]: ...
    def objective(self) -> Dict[str, Any]: ...
    # (id, program, mode, venue, platform, [instructor], [participant],
    #  [(module, part, start_unix, end_unix, pinned, revision)])
    def cohorts(
        self,
    ) -> List[
        Tuple[
            str,
            str,
            str,
            Optional[str],
            Optional[str],
            List[str],
            List[str],
            List[Tuple[str, int, int, int, bool, int]],
        ]
    ]: ...
    # (employee, program, module, start_unix, end_unix, revision, zone)
    def study_blocks(self) -> List[Tuple[str, str, str, int, int, int, str]]: ...
    # (employee, earned, date, shift): dates as YYYY-MM-DD
    def days_in_lieu(self) -> List[Tuple[str, str, str, str]]: ...
    # (employee, program, module, missed unix seconds, the employee's zone, cohort or "", sessions_missed)
    def makeups(self) -> List[Tuple[str, str, str, int, str, str, int]]: ...
    # (employee, program, [(code, message)], [(description, cost)])
    def unplaced(self) -> List[Tuple[str, str, List[Tuple[str, str]], List[Tuple[str, float]]]]: ...
    def at_risk(self, threshold: float) -> List[Tuple[str, str, str, str, int, int, int, float, float]]: ...
    def to_json(self) -> str: ...
    def explain(self, employee: str, program: Optional[str], language: Optional[str]) -> Tuple[str, str]: ...
    def verify(
        self,
        previous: Optional["Solution"],
        replan_from: Optional[str],
        language: Optional[str],
        attendance: Optional[bytes],
        attendance_name: str,
    ) -> Dict[str, Any]: ...
    def write_outputs(
        self,
        dir: str,
        formats: str,
        previous: Optional["Solution"],
        uid_domain: Optional[str],
        product_id: Optional[str],
        dtstamp_unix: Optional[int],
        language: Optional[str],
        spreadsheet: Optional[bool],
        reminders: Optional[List[int]],
        organizer: Optional[str],
        csv_bom: Optional[bool],
        replan_from: Optional[str],
    ) -> None: ...
    def employee_calendar(
        self,
        employee: str,
        previous: Optional["Solution"],
        uid_domain: Optional[str],
        product_id: Optional[str],
        dtstamp_unix: Optional[int],
        language: Optional[str],
        reminders: Optional[List[int]],
    ) -> Tuple[str, str]: ...

def load_file(path: str, base_dir: Optional[str], employees: List[Tuple[str, str]], confine_files: bool) -> Scenario: ...
def load_text(
    text: str, name: str, base_dir: Optional[str], employees: List[Tuple[str, str]], confine_files: bool
) -> Scenario: ...
def solve(
    scenario: Scenario,
    seed: int,
    time_limit: Optional[float],
    max_moves: Optional[int],
    threads: int,
    policy: Optional[str],
    strategy: str,
    previous: Optional[Solution],
    replan_from: Optional[str],
    progress: Optional[Callable[[Dict[str, Any]], Any]],
    progress_interval: float,
    cancel: Optional[CancelToken],
    language: Optional[str],
    stability: Optional[str],
    attendance: Optional[bytes],
    attendance_name: str,
    exact: bool,
    exact_seconds: float,
) -> Solution: ...
def solution_from_json(scenario: Scenario, text: str, name: str) -> Solution: ...
# (plan, [(nip, program, request, value, reason, granted, code, explanation, alternative, round)],
#  rounds, settled, [affected NIP], requests.csv text)
def answer_requests(
    scenario: Scenario,
    previous: Solution,
    text: bytes,
    name: str,
    replan_from: str,
    seed: int,
    time_limit: Optional[float],
    max_moves: Optional[int],
    threads: int,
    policy: Optional[str],
    language: Optional[str],
) -> Tuple[
    Solution,
    List[Tuple[str, str, str, str, str, bool, str, str, str, int]],
    int,
    bool,
    List[str],
    str,
]: ...
