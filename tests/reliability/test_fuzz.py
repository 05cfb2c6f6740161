"""A few hundred cases of the fuzzing script (tests/reliability/fuzz.py runs ≥ 10 000):
mutated workbooks, manifests, blobs and key files give a result or a clear refusal."""

import pytest

from tests.reliability import fuzz


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    made = fuzz.Seeds(tmp_path_factory.mktemp("fuzz"))
    yield made
    made.close()


@pytest.mark.parametrize("target", ["workbook bytes", "workbook members", "manifest rows",
                                    "blob", "key file"])
def test_mutated_inputs_are_read_or_refused_clearly(seeds, target):
    examples = {"workbook members": 40, "key file": 40}.get(target, 80)
    fuzz.build_tests(seeds, examples)[target]()
