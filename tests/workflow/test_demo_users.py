import pytest

from workflow.roles import ROLE_NAMES, create_demo_users


def test_demo_users_log_in_with_their_role_and_are_printed(site, settings, client):
    settings.DEBUG = True

    class Out:
        lines: list[str] = []

        def write(self, line: str) -> None:
            self.lines.append(line)

    out = Out()
    demo = create_demo_users(stdout=out)
    create_demo_users()  # idempotent
    assert {user.role for user in demo} == set(ROLE_NAMES)
    for user in demo:
        assert client.login(username=user.username, password=user.password)
        assert client.get("/admin/").status_code == 200
        assert any(user.username in line for line in out.lines)


def test_demo_users_are_refused_without_debug(site, settings):
    settings.DEBUG = False
    with pytest.raises(RuntimeError, match="development only"):
        create_demo_users()
