"""What the zones app tells others: the reports of an institution moved zone."""

from django.dispatch import Signal

# Sent with `institution` after assign_zones placed its reports again.
zones_assigned = Signal()
