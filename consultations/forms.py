import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from consultations import validators
from consultations.enums import Mode, SessionFormat, SessionKind
from consultations.selectors import review_list
from consultations.services import Accreditation
from core.forms import ModelMultipleChoiceField
from gcm.models import Objective


class SessionFilterForm(forms.Form):
    review = forms.ChoiceField(label=_("Regional Review"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *SessionKind.choices]
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("All formats")), *SessionFormat.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].choices = [
            ("", _("All reviews")),
            *((review.slug, review.title) for review in review_list()),
        ]


def _nationality_choices():
    return [("", "—"), *countries]


class DateInput(forms.DateInput):
    input_type = "date"


class AccreditationFields(forms.Form):
    """What UN premises need from an in-person participant."""

    id_document_number = forms.CharField(
        label=_("Passport or ID document number"), max_length=50, required=False
    )
    id_document_expiry = forms.DateField(
        label=_("Expiry date of the document"), widget=DateInput, required=False
    )
    # Choices given as a callable are built when the field is rendered or validated, not
    # deep-copied with every form: 250 countries on each registration add up.
    nationality = forms.ChoiceField(
        label=_("Nationality"), choices=_nationality_choices, required=False
    )
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DateInput, required=False)
    photo = forms.ImageField(
        label=_("Passport-style photo"),
        required=False,
        help_text=_("JPEG or PNG, 5 MB at most. Used only for your UN grounds pass."),
        validators=[validators.validate_photo],
    )
    ACCREDITATION_FIELDS = (
        "id_document_number",
        "id_document_expiry",
        "nationality",
        "date_of_birth",
        "photo",
    )

    def __init__(self, *args, session, **kwargs):
        self.session = session
        super().__init__(*args, **kwargs)
        if session.requires_accreditation and Mode.IN_PERSON in session.modes:
            self._mark_accreditation_required()

    def _mark_accreditation_required(self) -> None:
        """The accreditation fields are required for in-person attendance only, so the
        form field stays optional (clean_accreditation checks them); the page still says
        so before the first submit: an asterisk (templates/includes/field.html) and
        aria-required, plus `required` once in-person is the chosen mode."""
        chosen = (
            self.data.get(self.add_prefix("mode")) if self.is_bound else self.initial.get("mode")
        )
        in_person = chosen == Mode.IN_PERSON or self.session.modes == [Mode.IN_PERSON]
        for name in self.ACCREDITATION_FIELDS:
            field = self.fields[name]
            field.required_for_mode = Mode.IN_PERSON
            field.widget.attrs["aria-required"] = "true"
            if in_person:
                field.widget.attrs["required"] = True

    def needs_accreditation(self, mode: str) -> bool:
        return mode == Mode.IN_PERSON and self.session.requires_accreditation

    def clean_accreditation(self, cleaned: dict, mode: str) -> None:
        if not self.needs_accreditation(mode):
            return
        for name in self.ACCREDITATION_FIELDS:
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, _("This is needed to attend in person at UN premises."))
        try:
            validators.validate_accreditation_dates(
                expiry=cleaned.get("id_document_expiry"),
                birth=cleaned.get("date_of_birth"),
                session_date=self.session.local_starts_at.date(),
            )
        except forms.ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field, message)

    def accreditation(self) -> Accreditation | None:
        data = self.cleaned_data
        if not self.needs_accreditation(data.get("mode", "")):
            return None
        return Accreditation(
            id_document_number=data["id_document_number"],
            id_document_expiry=data["id_document_expiry"],
            nationality=data["nationality"],
            date_of_birth=data["date_of_birth"],
            photo=data["photo"],
        )


class RegistrationForm(AccreditationFields):
    mode = forms.ChoiceField(label=_("How will you attend?"), widget=forms.RadioSelect)
    if_full = forms.ChoiceField(
        label=_("If all in-person seats are taken"),
        widget=forms.RadioSelect,
        required=False,
        choices=[
            ("waitlist", _("Put me on the waitlist")),
            ("online", _("Register me to attend online instead")),
        ],
        initial="waitlist",
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example sign language, captioning, step-free access, a companion."),
    )
    wants_to_speak = forms.BooleanField(
        label=_("I ask to take the floor during the session"), required=False
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, session=session, **kwargs)
        self.fields["mode"].choices = [(m, Mode(m).label) for m in session.modes]
        if len(session.modes) == 1:
            self.fields["mode"].initial = session.modes[0]
        if session.format != SessionFormat.HYBRID:
            self.fields["if_full"].choices = self.fields["if_full"].choices[:1]

    def clean(self):
        cleaned = super().clean()
        self.clean_accreditation(cleaned, cleaned.get("mode", ""))
        return cleaned


class ModeChangeForm(AccreditationFields):
    mode = forms.ChoiceField(label=_("Attend"), widget=forms.RadioSelect)

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, session=session, **kwargs)
        self.fields["mode"].choices = [(m, Mode(m).label) for m in session.modes]

    def clean(self):
        cleaned = super().clean()
        self.clean_accreditation(cleaned, cleaned.get("mode", ""))
        return cleaned


class TalkRequestForm(forms.Form):
    review = forms.ChoiceField(label=_("Regional Review"))
    title = forms.CharField(label=_("Title of the GCM Talk"), max_length=300)
    co_organisers = forms.CharField(
        label=_("Co-organisers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Member States, stakeholders or Network members organising it with you."),
    )
    objectives = ModelMultipleChoiceField(
        label=_("GCM objectives addressed"),
        queryset=Objective.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    proposed_date = forms.DateField(label=_("Proposed date"), widget=DateInput)
    proposed_format = forms.ChoiceField(label=_("Proposed format"), choices=SessionFormat.choices)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("What the exchange is about and who will take part."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reviews = {review.slug: review for review in review_list()}
        self.fields["review"].choices = [(slug, r.title) for slug, r in self.reviews.items()]

    def clean_proposed_date(self):
        value = self.cleaned_data["proposed_date"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The proposed date is in the past."))
        return value

    def clean_review(self):
        return self.reviews[self.cleaned_data["review"]]


class TalkDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[("approve", _("Approve and publish")), ("decline", _("Decline"))],
    )
    message = forms.CharField(
        label=_("Message to the requester"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    starts_at = forms.DateTimeField(
        label=_("Starts (local time)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends (local time)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), initial="Europe/Zurich")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [(z, z) for z in sorted(zoneinfo.available_timezones())]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "approve":
            zone = zoneinfo.ZoneInfo(cleaned.get("time_zone") or "UTC")
            for name in ("starts_at", "ends_at"):
                value = cleaned.get(name)
                if value is None:
                    self.add_error(name, _("Give the date and time of the GCM Talk."))
                else:
                    cleaned[name] = timezone.make_aware(value.replace(tzinfo=None), zone)
            if cleaned.get("starts_at") and cleaned.get("ends_at"):
                try:
                    validators.validate_session_times(
                        starts_at=cleaned["starts_at"], ends_at=cleaned["ends_at"]
                    )
                except forms.ValidationError as error:
                    self.add_error("ends_at", error.message_dict["ends_at"][0])
        elif cleaned.get("decision") == "decline" and not cleaned.get("message", "").strip():
            self.add_error("message", _("Tell the requester why the request is declined."))
        return cleaned


class ParticipantsEmailForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}))
