"""The package itself: its type stubs, its exceptions, its public names."""

import ast
import inspect
import pathlib

import pytest

import jadwal
from jadwal import _jadwal


def _stub():
    path = pathlib.Path(jadwal.__file__).with_name("_jadwal.pyi")
    return ast.parse(path.read_text(encoding="utf-8"))


def test_the_native_module_has_exactly_what_its_type_stub_declares():
    tree = _stub()
    stub_functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    stub_classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    stub_values = {n.target.id for n in tree.body if isinstance(n, ast.AnnAssign) and not n.target.id.startswith("_")}
    native = {name for name in dir(_jadwal) if not name.startswith("_")}
    assert native == stub_functions | set(stub_classes) | stub_values
    for name, node in stub_classes.items():
        declared = {f.name for f in node.body if isinstance(f, ast.FunctionDef) and not f.name.startswith("__")}
        actual = {m for m in dir(getattr(_jadwal, name)) if not m.startswith("_")}
        assert actual == declared, name


def test_the_stub_declares_the_parameters_the_native_functions_take():
    tree = _stub()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            doc = getattr(_jadwal, node.name).__doc__
            for arg in node.args.args:
                assert f"{arg.arg}:" in doc, f"{node.name}({arg.arg})"


def test_every_public_name_exists_and_the_package_is_typed():
    for name in jadwal.__all__:
        assert hasattr(jadwal, name), name
    assert pathlib.Path(jadwal.__file__).with_name("py.typed").exists()
    assert jadwal.__version__.count(".") == 2
    # Every exception is exported by name (type checkers read __all__ literally).
    from jadwal import _errors

    assert set(_errors.__all__) <= set(jadwal.__all__)


@pytest.mark.parametrize("cls", [jadwal.ScenarioError, jadwal.SolutionError, jadwal.SolveError, jadwal.NotFoundError,
                                 jadwal.InvalidArgumentError, jadwal.OutputError, jadwal.InternalError])
def test_every_exception_is_a_jadwal_error_shown_under_the_package_name(cls):
    assert issubclass(cls, jadwal.Error)
    assert repr(cls("x")).startswith(f"{cls.__name__}(")
    assert cls.__module__ == "jadwal"
    assert str(cls("no employee 'x'")) == "no employee 'x'"  # not quoted, though some are KeyErrors


def test_errors_that_point_nowhere_have_none_for_code_file_line_and_column(scenario):
    with pytest.raises(jadwal.InvalidArgumentError) as caught:
        scenario.add_leave(scenario.employee_ids[0], "2026-13-01")
    e = caught.value
    assert (e.code, e.file, e.line, e.column) == (None, None, None, None)
    assert "YYYY-MM-DD" in str(e)


def test_the_public_functions_are_documented():
    for name in ("load", "loads", "solve", "explain", "verify", "write_outputs", "solution_from_json"):
        assert inspect.getdoc(getattr(jadwal, name)), name
