"""Create a staff account with its second factor, from the command line: for a first deploy, before anyone can
sign in to the admin (docs/operations.md, "Staff accounts").

    python manage.py create_staff alex --email alex@example.org --superuser

The password is asked for twice (or read from DJANGO_STAFF_PASSWORD with --no-input) and checked by the site's
password rules. The account's authenticator-app device is made at once, confirmed: the command prints its QR code,
key and otpauth:// URI, and ten recovery codes. Nothing of these is shown again.
"""

from __future__ import annotations

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from advisor.protect import twofactor

from ._second_factor import print_device

PASSWORD_VARIABLE = "DJANGO_STAFF_PASSWORD"


class Command(BaseCommand):
    help = "Create a staff account with its authenticator-app device and recovery codes (printed once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="The account's email address.")
        parser.add_argument(
            "--superuser", action="store_true", help="Every permission, and resets other accounts' second factor."
        )
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help=f"Read the password from {PASSWORD_VARIABLE} instead of asking for it.",
        )

    def handle(self, *args, username: str, email: str, superuser: bool, interactive: bool, **options) -> None:
        User = get_user_model()
        username = username.strip()
        if not username:
            raise CommandError("Give a user name.")
        if User.objects.filter(username=username).exists():
            raise CommandError(
                f'An account "{username}" already exists. To give it a new device: '
                f"python manage.py reset_second_factor {username} --new-device"
            )
        user = User(username=username, email=email, is_staff=True, is_superuser=superuser)
        password = self._password(user, interactive)
        with transaction.atomic():
            user.set_password(password)
            user.save()
            device, codes = twofactor.enrol_confirmed(user)
        kind = "superuser" if superuser else "staff account (give it permissions in the admin)"
        self.stdout.write(f'Created {kind} "{username}".')
        print_device(self.stdout, device, codes)

    def _password(self, user, interactive: bool) -> str:
        if not interactive:
            password = os.environ.get(PASSWORD_VARIABLE, "")
            if not password:
                raise CommandError(f"With --no-input, set the password in {PASSWORD_VARIABLE}.")
            self._check(password, user)
            return password
        while True:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The two passwords differ; try again.")
                continue
            try:
                self._check(password, user)
            except CommandError as error:
                self.stderr.write(str(error))
                continue
            return password

    @staticmethod
    def _check(password: str, user) -> None:
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("The password is refused: " + " ".join(error.messages)) from None
