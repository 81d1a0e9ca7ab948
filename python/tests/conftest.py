import pytest

from helpers import cli_path


@pytest.fixture(scope="session")
def cli():
    return cli_path()
