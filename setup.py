"""Builds the jadwal Python package's compiled module (jadwal._jadwal) with CMake.

The metadata is in pyproject.toml; this file only teaches setuptools' build_ext
to configure the project with CMake for the interpreter running the build and to
build the one target `_jadwal` (the module links the C++ library statically).
JADWAL_CMAKE_BUILD_DIR reuses an already configured build directory instead (the
tests do, to avoid compiling the library twice); its module must be for this
interpreter. JADWAL_CMAKE_ARGS adds options to the configure step.
"""
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        reuse = os.environ.get("JADWAL_CMAKE_BUILD_DIR")
        if reuse:
            build_dir = Path(reuse).resolve()
        else:
            build_dir = Path(self.build_temp).resolve() / "cmake"
            build_dir.mkdir(parents=True, exist_ok=True)
            configure = [
                "cmake", "-S", str(ROOT), "-B", str(build_dir),
                "-DCMAKE_BUILD_TYPE=Release",
                f"-DPython_EXECUTABLE={sys.executable}",
                "-DJADWAL_BUILD_TESTS=OFF", "-DJADWAL_BUILD_EXAMPLES=OFF", "-DJADWAL_BUILD_BENCH=OFF",
                "-DJADWAL_BUILD_CLI=OFF", "-DJADWAL_BUILD_C=OFF", "-DJADWAL_BUILD_PYTHON=ON",
            ] + shlex.split(os.environ.get("JADWAL_CMAKE_ARGS", ""))
            subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 1)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_jadwal", "-j", jobs], check=True)
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        built = build_dir / "python" / "jadwal" / f"_jadwal{suffix}"
        if not built.is_file():
            raise RuntimeError(f"jadwal: {built} was not built (is that build directory configured for "
                               f"{sys.executable}, Python {sys.version_info.major}.{sys.version_info.minor}?)")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(
    ext_modules=[CMakeExtension("jadwal._jadwal")],
    cmdclass={"build_ext": CMakeBuild},
    # Not build/: that is where the CMake build of a checkout usually lives.
    options={"build": {"build_base": "build-pip"}, "egg_info": {"egg_base": "build-pip"}},
)
