#include "exchange/plural_forms.hpp"

#include <algorithm>
#include <map>

#include <unicode/locid.h>

namespace lektion {

namespace {

// From gettext's plural table (msginit), for the languages of the EU and its
// neighbours; Maltese as CLDR states it.
const std::map<std::string, std::string>& table() {
    static const std::map<std::string, std::string> forms = [] {
        const std::string one = "nplurals=1; plural=0;";
        const std::string two = "nplurals=2; plural=(n != 1);";
        const std::string two_french = "nplurals=2; plural=(n > 1);";
        const std::string slavic_east =
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? "
            "1 : 2);";
        std::map<std::string, std::string> m;
        for (const char* l : {"ja", "ko", "zh", "vi", "th", "id", "ms"}) m[l] = one;
        for (const char* l : {"en", "de", "nl", "sv", "da", "no", "nb", "nn", "fo", "es", "pt", "it", "bg",
                              "el", "fi", "et", "he", "eo", "hu", "tr", "ca", "gl", "eu", "lb", "sq", "af"})
            m[l] = two;
        for (const char* l : {"fr", "pt-br", "oc"}) m[l] = two_french;
        for (const char* l : {"ru", "uk", "be", "sr", "hr", "bs"}) m[l] = slavic_east;
        m["pl"] = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
        m["cs"] = m["sk"] = "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;";
        m["lt"] =
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);";
        m["lv"] = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);";
        m["ro"] = "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);";
        m["ga"] = "nplurals=5; plural=(n==1 ? 0 : n==2 ? 1 : n>=3 && n<=6 ? 2 : n>=7 && n<=10 ? 3 : 4);";
        m["sl"] = "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);";
        m["mt"] =
            "nplurals=4; plural=(n==1 ? 0 : n==0 || (n%100>1 && n%100<11) ? 1 : (n%100>10 && n%100<20) ? 2 : "
            "3);";
        m["is"] = "nplurals=2; plural=(n%10!=1 || n%100==11);";
        m["mk"] = "nplurals=2; plural=(n%10==1 && n%100!=11) ? 0 : 1;";
        m["ar"] =
            "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 "
            ": 5);";
        return m;
    }();
    return forms;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return c == '_' ? '-' : static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

std::string plural_forms(const std::string& lang) {
    const std::string tag = lower(lang);
    const auto& forms = table();
    if (auto it = forms.find(tag); it != forms.end()) return it->second;
    if (auto it = forms.find(tag.substr(0, tag.find('-'))); it != forms.end()) return it->second;
    return "nplurals=2; plural=(n != 1);";
}

std::string language_name(const std::string& lang) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag(lang.c_str(), status);
    if (U_FAILURE(status)) return lang;
    icu::UnicodeString name;
    locale.getDisplayName(icu::Locale::getEnglish(), name);
    std::string out;
    name.toUTF8String(out);
    return out.empty() ? lang : out;
}

}  // namespace lektion
