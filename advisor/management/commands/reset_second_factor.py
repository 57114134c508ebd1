"""Reset an account's second factor from the command line, as a superuser can in the admin (the action on the
users' list): for a lost phone when no other superuser can sign in (docs/operations.md, "Staff accounts").

    python manage.py reset_second_factor alex               # sets it up again at the next sign-in
    python manage.py reset_second_factor alex --new-device  # a new device now, printed here
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from advisor.protect import twofactor

from ._second_factor import print_device


class Command(BaseCommand):
    help = "Delete an account's second-factor devices: it sets them up again at its next sign-in (or now)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--new-device",
            action="store_true",
            help="Make a new authenticator-app device and recovery codes now, and print them.",
        )

    def handle(self, *args, username: str, new_device: bool, **options) -> None:
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f'No account "{username}".') from None
        if new_device:
            device, codes = twofactor.enrol_confirmed(user)
            self.stdout.write(f'New second factor for "{username}"; the old device and recovery codes no longer work.')
            print_device(self.stdout, device, codes)
            return
        deleted = twofactor.reset(user)
        self.stdout.write(
            f'Deleted {deleted} device{"s" * (deleted != 1)} of "{username}": it sets up its second factor again '
            "at its next sign-in."
        )
