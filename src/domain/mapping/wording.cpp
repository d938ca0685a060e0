#include "domain/mapping/wording.hpp"

namespace signs::domain {

MappingWording default_wording(PracticeVariant variant) {
    switch (variant) {
        case PracticeVariant::Wellbeing:
            return {"What are we worried about?",
                    "What's working well?",
                    "What needs to happen?",
                    "Worry statement",
                    "Wellbeing goal",
                    "Worries",
                    {"On a scale of 0 to 10, where are things for the child now?",
                     "Things are so hard for the child that more help is needed straight away",
                     "The child's needs are met and the family no longer needs early help"}};
        case PracticeVariant::Stability:
            return {"What are we worried about?",
                    "What's working well?",
                    "What needs to happen?",
                    "Worry statement",
                    "Stability goal",
                    "Worries",
                    {"On a scale of 0 to 10, how settled and secure is the young person now?",
                     "Their home and relationships could break down at any time",
                     "They are settled, connected to the people who matter to them, and "
                     "working towards their own goals"}};
        case PracticeVariant::Safety:
            break;
    }
    return {"What are we worried about?",
            "What's working well?",
            "What needs to happen?",
            "Danger statement",
            "Safety goal",
            "Harm",
            {"On a scale of 0 to 10, how safe is the child now?",
             "The child is certain to be hurt again if nothing changes",
             "Everyone knows the child is safe enough for the agency to close the case"}};
}

}  // namespace signs::domain
