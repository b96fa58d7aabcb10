from allauth.account.adapter import DefaultAccountAdapter

from notifications.outbox import queue_message


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Queue allauth's messages in the outbox instead of sending inline.

        Sign-up and password reset then survive a mail server that is down.
        """
        message = self.render_mail(template_prefix, email, context)
        queue_message(message, kind="account")
