#pragma once
/// Every handler, grouped by area. Each parses the request, calls one service function and
/// renders; none holds SQL or builds HTML.
#include "web/app.hpp"

namespace signs::web::handlers {

// account_pages.cpp
Response home(App& app, Exchange& ex);
Response show_sign_in(App& app, Exchange& ex);
Response submit_sign_in(App& app, Exchange& ex);
Response sign_out(App& app, Exchange& ex);
/// The sign-in page shown instead of a form's result when the session had ended: the form is
/// kept under `resume_token` until the person signs in again.
Response sign_in_to_resume(App& app, Exchange& ex, const std::string& resume_token);
Response list_api_tokens(App& app, Exchange& ex);
Response create_api_token(App& app, Exchange& ex);
Response revoke_api_token(App& app, Exchange& ex);

// admin_pages.cpp
Response list_users(App& app, Exchange& ex);
Response new_user(App& app, Exchange& ex);
Response create_user(App& app, Exchange& ex);
Response show_user(App& app, Exchange& ex);
Response reset_password(App& app, Exchange& ex);
Response deactivate_user(App& app, Exchange& ex);
Response reactivate_user(App& app, Exchange& ex);
Response set_led_teams(App& app, Exchange& ex);
Response search_audit(App& app, Exchange& ex);

// restriction_pages.cpp
Response list_restrictions(App& app, Exchange& ex);
Response restrict_child(App& app, Exchange& ex);
Response lift_restriction(App& app, Exchange& ex);
Response show_practice_settings(App& app, Exchange& ex);
Response show_outbox(App& app, Exchange& ex);
Response list_closure_days(App& app, Exchange& ex);
Response add_closure_day(App& app, Exchange& ex);
Response remove_closure_day(App& app, Exchange& ex);
Response save_variant_wording(App& app, Exchange& ex);
Response add_escalation_band(App& app, Exchange& ex);
Response remove_escalation_band(App& app, Exchange& ex);

// child_voice_pages.cpp
Response new_child_voice(App& app, Exchange& ex);
Response create_child_voice(App& app, Exchange& ex);
Response show_child_voice(App& app, Exchange& ex);
Response child_voice_drawing(App& app, Exchange& ex);
Response child_voice_to_mapping(App& app, Exchange& ex);

// story_pages.cpp: "Words and pictures"
Response new_story(App& app, Exchange& ex);
Response create_story(App& app, Exchange& ex);
Response show_story(App& app, Exchange& ex);
Response record_story_given(App& app, Exchange& ex);

// pre_proceedings_pages.cpp
Response show_pre_proceedings(App& app, Exchange& ex);
Response new_pre_proceedings(App& app, Exchange& ex);
Response begin_pre_proceedings(App& app, Exchange& ex);
Response edit_pre_proceedings(App& app, Exchange& ex);
Response update_pre_proceedings(App& app, Exchange& ex);

// family_document_pages.cpp
Response show_our_plan(App& app, Exchange& ex);
Response our_plan_pdf(App& app, Exchange& ex);
Response record_our_plan_given(App& app, Exchange& ex);
Response show_our_plan_given(App& app, Exchange& ex);

// language_pages.cpp
Response list_plain_words(App& app, Exchange& ex);
Response add_plain_word(App& app, Exchange& ex);
Response remove_plain_word(App& app, Exchange& ex);
Response api_check_language(App& app, Exchange& ex);

// casework_pages.cpp
Response find_children(App& app, Exchange& ex);
Response new_child(App& app, Exchange& ex);
Response create_child(App& app, Exchange& ex);
Response show_child(App& app, Exchange& ex);
Response add_chronology_entry(App& app, Exchange& ex);
Response api_chronology(App& app, Exchange& ex);
Response api_add_chronology_entry(App& app, Exchange& ex);

// case_membership_pages.cpp
Response show_add_to_case(App& app, Exchange& ex);
Response add_to_case(App& app, Exchange& ex);
Response show_close_child(App& app, Exchange& ex);
Response close_child(App& app, Exchange& ex);

// contact_pages.cpp
Response list_contacts(App& app, Exchange& ex);
Response new_contact(App& app, Exchange& ex);
Response create_contact(App& app, Exchange& ex);
Response show_contact(App& app, Exchange& ex);
Response decide_contact(App& app, Exchange& ex);

// mapping_pages.cpp
Response search_questions(App& app, Exchange& ex);
Response new_mapping(App& app, Exchange& ex);
Response create_mapping(App& app, Exchange& ex);
Response show_mapping(App& app, Exchange& ex);
Response mark_alert_seen(App& app, Exchange& ex);
Response add_mapping_participant(App& app, Exchange& ex);
Response add_mapping_entry(App& app, Exchange& ex);
Response add_mapping_score(App& app, Exchange& ex);
Response set_mapping_status(App& app, Exchange& ex);
Response set_mapping_disagreement(App& app, Exchange& ex);
Response move_mapping_entry(App& app, Exchange& ex);
Response start_mapping_review(App& app, Exchange& ex);

// mapping_over_time_pages.cpp
Response mappings_over_time(App& app, Exchange& ex);

// Plans (plan_pages.cpp, plan_action_pages.cpp)
Response new_plan(App& app, Exchange& ex);
Response create_plan(App& app, Exchange& ex);
Response show_plan(App& app, Exchange& ex);
Response add_plan_goal(App& app, Exchange& ex);
Response agree_plan(App& app, Exchange& ex);
Response start_plan_changes(App& app, Exchange& ex);
Response compare_plan_versions(App& app, Exchange& ex);
Response show_plan_goal(App& app, Exchange& ex);
Response update_plan_goal(App& app, Exchange& ex);
Response remove_plan_goal(App& app, Exchange& ex);
Response new_plan_action(App& app, Exchange& ex);
Response add_plan_action(App& app, Exchange& ex);
Response show_plan_action(App& app, Exchange& ex);
Response update_plan_action(App& app, Exchange& ex);
Response remove_plan_action(App& app, Exchange& ex);
Response show_action_progress(App& app, Exchange& ex);
Response add_action_progress(App& app, Exchange& ex);

// Due and overdue (due_pages.cpp)
Response list_due(App& app, Exchange& ex);
Response export_due_csv(App& app, Exchange& ex);
Response export_due_xlsx(App& app, Exchange& ex);

// Meetings (meeting_pages.cpp)
Response new_meeting(App& app, Exchange& ex);
Response create_meeting(App& app, Exchange& ex);
Response show_meeting(App& app, Exchange& ex);
Response show_move_meeting(App& app, Exchange& ex);
Response move_meeting(App& app, Exchange& ex);
Response cancel_meeting(App& app, Exchange& ex);
Response invite_to_meeting(App& app, Exchange& ex);
Response set_meeting_attendance(App& app, Exchange& ex);
Response set_meeting_dissent(App& app, Exchange& ex);
Response record_meeting(App& app, Exchange& ex);
Response open_meeting_mapping(App& app, Exchange& ex);
Response meeting_invitation(App& app, Exchange& ex);
Response mappings_trend_svg(App& app, Exchange& ex);

// mapping_api.cpp
Response api_show_mapping(App& app, Exchange& ex);
Response api_case_mappings(App& app, Exchange& ex);
Response api_start_mapping(App& app, Exchange& ex);
Response api_add_mapping_participant(App& app, Exchange& ex);
Response api_add_mapping_entry(App& app, Exchange& ex);
Response api_add_mapping_score(App& app, Exchange& ex);
Response api_set_mapping_status(App& app, Exchange& ex);
Response api_update_mapping_entry(App& app, Exchange& ex);

// mapping_entry_pages.cpp
Response show_mapping_entry(App& app, Exchange& ex);
Response update_mapping_entry(App& app, Exchange& ex);
Response show_mapping_builder(App& app, Exchange& ex);
Response build_mapping_statement(App& app, Exchange& ex);

// returns_pages.cpp
Response show_data_quality(App& app, Exchange& ex);
Response show_returns(App& app, Exchange& ex);
Response save_return_settings(App& app, Exchange& ex);
Response download_cin_census(App& app, Exchange& ex);

// census_pages.cpp
Response show_child_census(App& app, Exchange& ex);
Response edit_census_episode(App& app, Exchange& ex);
Response update_census_episode(App& app, Exchange& ex);
Response new_census_assessment(App& app, Exchange& ex);
Response start_census_assessment(App& app, Exchange& ex);
Response show_authorise_assessment(App& app, Exchange& ex);
Response show_no_conference(App& app, Exchange& ex);
Response record_no_conference(App& app, Exchange& ex);
Response authorise_census_assessment(App& app, Exchange& ex);

// child_record_pages.cpp
Response edit_child(App& app, Exchange& ex);
Response update_child(App& app, Exchange& ex);
Response new_address(App& app, Exchange& ex);
Response add_address(App& app, Exchange& ex);
Response new_network_member(App& app, Exchange& ex);
Response add_network_member(App& app, Exchange& ex);
Response new_professional(App& app, Exchange& ex);
Response add_professional(App& app, Exchange& ex);
Response new_case(App& app, Exchange& ex);
Response create_case(App& app, Exchange& ex);
Response show_case(App& app, Exchange& ex);
Response show_change_level(App& app, Exchange& ex);
Response change_level(App& app, Exchange& ex);
Response allocate_case(App& app, Exchange& ex);
Response break_glass(App& app, Exchange& ex);
Response list_cases(App& app, Exchange& ex);

// operations.cpp
Response healthz(App& app, Exchange& ex);
Response metrics(App& app, Exchange& ex);

// visit_pages.cpp
Response new_visit(App& app, Exchange& ex);
Response record_visit(App& app, Exchange& ex);
Response show_visit_frequencies(App& app, Exchange& ex);
Response set_visit_frequencies(App& app, Exchange& ex);

// plan_meeting_api.cpp
Response api_case_plan(App& app, Exchange& ex);
Response api_show_plan(App& app, Exchange& ex);
Response api_add_plan_progress(App& app, Exchange& ex);
Response api_case_meetings(App& app, Exchange& ex);
Response api_show_meeting(App& app, Exchange& ex);
Response api_arrange_meeting(App& app, Exchange& ex);
Response api_case_deadlines(App& app, Exchange& ex);
Response api_case_visits(App& app, Exchange& ex);
Response api_record_visit(App& app, Exchange& ex);
// due_pages.cpp
Response api_due(App& app, Exchange& ex);

// public_site_pages.cpp
Response public_home(App& app, Exchange& ex);
Response public_page(App& app, Exchange& ex);

// guidance_pages.cpp
Response list_guidance(App& app, Exchange& ex);
Response public_guidance(App& app, Exchange& ex);
Response show_guidance(App& app, Exchange& ex);
Response guidance_file(App& app, Exchange& ex);
Response new_guidance(App& app, Exchange& ex);
Response create_guidance(App& app, Exchange& ex);
Response edit_guidance(App& app, Exchange& ex);
Response update_guidance(App& app, Exchange& ex);
Response withdraw_guidance(App& app, Exchange& ex);

// training_pages.cpp
Response list_training(App& app, Exchange& ex);
Response public_training(App& app, Exchange& ex);
Response show_training_session(App& app, Exchange& ex);
Response book_training(App& app, Exchange& ex);
Response book_someone(App& app, Exchange& ex);
Response cancel_training_booking(App& app, Exchange& ex);
Response decide_training_booking(App& app, Exchange& ex);
Response mark_training_attendance(App& app, Exchange& ex);
Response set_training_capacity(App& app, Exchange& ex);
Response training_invitation(App& app, Exchange& ex);
// training_report_pages.cpp
Response training_register_csv(App& app, Exchange& ex);
Response training_register_xlsx(App& app, Exchange& ex);
Response training_sign_in_sheet(App& app, Exchange& ex);
Response training_trained_csv(App& app, Exchange& ex);
Response training_trained_xlsx(App& app, Exchange& ex);
Response training_workforce(App& app, Exchange& ex);
Response cancel_training_session(App& app, Exchange& ex);
// training_admin_pages.cpp
Response edit_course(App& app, Exchange& ex);
Response update_course(App& app, Exchange& ex);
Response show_move_training_session(App& app, Exchange& ex);
Response move_training_session(App& app, Exchange& ex);
Response new_course(App& app, Exchange& ex);
Response create_course(App& app, Exchange& ex);
Response new_venue(App& app, Exchange& ex);
Response create_venue(App& app, Exchange& ex);
Response new_training_session(App& app, Exchange& ex);
Response create_training_session(App& app, Exchange& ex);
Response list_training_approvals(App& app, Exchange& ex);

// training_api.cpp
Response api_training_sessions(App& app, Exchange& ex);
Response api_training_session(App& app, Exchange& ex);
Response api_add_course(App& app, Exchange& ex);
Response api_add_venue(App& app, Exchange& ex);
Response api_add_session(App& app, Exchange& ex);
Response api_book(App& app, Exchange& ex);
Response api_cancel_booking(App& app, Exchange& ex);
Response api_set_capacity(App& app, Exchange& ex);

// api.cpp
/// The API's answer for a record that does not exist (or an address that names none).
Response api_not_found(App& app, Exchange& ex);
Response api_openapi(App& app, Exchange& ex);
Response api_me(App& app, Exchange& ex);
Response api_list_users(App& app, Exchange& ex);
Response api_create_user(App& app, Exchange& ex);

// casework_api.cpp
Response api_search_children(App& app, Exchange& ex);
Response api_show_child(App& app, Exchange& ex);
Response api_create_child(App& app, Exchange& ex);
Response api_show_case(App& app, Exchange& ex);

// casework_changes_api.cpp
Response api_list_cases(App& app, Exchange& ex);
Response api_open_case(App& app, Exchange& ex);
Response api_change_level(App& app, Exchange& ex);
Response api_allocate(App& app, Exchange& ex);
Response api_add_to_case(App& app, Exchange& ex);
Response api_close_child(App& app, Exchange& ex);
Response api_update_child(App& app, Exchange& ex);
Response api_add_address(App& app, Exchange& ex);
Response api_network(App& app, Exchange& ex);
Response api_add_network_member(App& app, Exchange& ex);
Response api_list_contacts(App& app, Exchange& ex);
Response api_show_contact(App& app, Exchange& ex);
Response api_create_contact(App& app, Exchange& ex);
Response api_decide_contact(App& app, Exchange& ex);

}  // namespace signs::web::handlers
