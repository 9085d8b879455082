"""core.cache.ProcessCopies: a copy per process, one small question to the shared cache
per read, and no copy kept that may be older than the version it would be kept under."""

import pytest

from core.cache import ProcessCopies


class Loads:
    def __init__(self, during=None):
        self.count = 0
        self.during = during

    def __call__(self):
        self.count += 1
        if self.during is not None:
            self.during()
        return {"loaded": self.count}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.mark.django_db
def test_a_process_loads_once_until_forgotten(committed):
    copies, load = ProcessCopies("t1"), Loads()

    first = copies.get("a", load)
    second = copies.get("a", load)
    with committed():
        copies.forget("a")
    third = copies.get("a", load)

    assert load.count == 2
    assert first == second != third
    assert third[1] == {"loaded": 2}


@pytest.mark.django_db
def test_another_process_loads_its_own_copy_of_the_same_version():
    ours, theirs = ProcessCopies("t2"), ProcessCopies("t2")
    load = Loads()

    version, _ = ours.get("a", load)
    their_version, _ = theirs.get("a", load)

    assert their_version == version
    assert load.count == 2  # each process its own copy; the shared cache holds no object


@pytest.mark.django_db
def test_a_copy_loaded_while_a_change_commits_is_not_kept(committed):
    copies = ProcessCopies("t3")

    def change_commits():
        with committed():
            copies.forget("a")

    racing = Loads(during=change_commits)
    copies.get("a", racing)  # no version yet: the change's version wins
    after = Loads()
    copies.get("a", after)

    assert after.count == 1  # the racing copy was not kept under the new version


@pytest.mark.django_db
def test_a_copy_loaded_under_a_known_version_while_it_changes_is_not_kept(committed):
    ProcessCopies("t4").get("a", Loads())  # another process created the version
    copies = ProcessCopies("t4")

    def change_commits():
        with committed():
            copies.forget("a")

    copies.get("a", Loads(during=change_commits))
    after = Loads()
    copies.get("a", after)

    assert after.count == 1


def test_without_a_shared_cache_every_read_loads(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    copies, load = ProcessCopies("t5"), Loads()

    copies.get("a", load)
    copies.get("a", load)

    assert load.count == 2
