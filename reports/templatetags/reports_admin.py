from django import template

from reports import kinds

register = template.Library()


@register.inclusion_tag("reports/admin/includes/render_links.html")
def report_render_links(subject):
    """Links to render each kind of report made about this session or review, for its
    change form in the admin."""
    return {
        "subject": subject,
        "links": [
            {"field": t.subject_field, "kind": t.value, "label": t.button_label}
            for t in kinds.for_subject(type(subject))
        ],
    }
