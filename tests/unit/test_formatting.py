from kvi import formatting


def test_phone_links_dial_internationally_and_keep_digit_order_in_rtl():
    assert formatting.phone_link("0800 111 0 550") == \
        '<a href="tel:+498001110550" class="kvi-phone" dir="ltr">0800 111 0 550</a>'
    assert 'href="tel:116111"' in formatting.phone_link("116 111")


def test_opening_hours_in_the_readers_locale():
    week = [{"days": ["mo", "tu", "we", "th", "fr", "sa"], "opens": "14:00", "closes": "20:00"}]
    assert formatting.opening_hours(week, "de_DE") == "Mo.\u2013Sa. 14:00\u201320:00"
    assert formatting.opening_hours(week, "en_GB") == "Mon\u2013Sat 14:00\u201320:00"
    assert formatting.opening_hours(week, "ar").startswith("الاثنين\u2013السبت")


def test_separate_days_and_two_day_runs():
    hours = [{"days": ["mo", "we", "th"], "opens": "09:00", "closes": "12:00"}]
    assert formatting.opening_hours(hours, "de_DE") == "Mo., Mi., Do. 09:00\u201312:00"

