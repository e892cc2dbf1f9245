// Search results on right-to-left pages: numbers and addresses are isolated (themes/default/static/js/search/bidi.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { isolate } from "../../themes/default/static/js/search/bidi.js";

const LRI = "\u2066";
const PDI = "\u2069";

test("a phone number, a postcode and an address in Arabic text are isolated", () => {
  assert.equal(isolate("اتصل بـ 0800-0113 الآن"), `اتصل بـ ${LRI}0800-0113${PDI} الآن`);
  assert.equal(isolate("الرمز 1234 AB"), `الرمز ${LRI}1234 AB${PDI}`);
  assert.equal(isolate("info@example.org"), `${LRI}info@example.org${PDI}`);
});

test("times that read in order by themselves are left alone", () => {
  assert.equal(isolate("الساعة 14:30"), "الساعة 14:30");
});
