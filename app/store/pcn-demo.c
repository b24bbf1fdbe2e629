/* pcn-demo.c — the sample PCN ("Explore a sample PCN", `pcnw demo`)
 *
 * A made-up but believable network: Riverside Health PCN, five member
 * practices and a team of 25 across thirteen ARRS roles and four employer
 * models. Every date is relative to "today" so the sample always has people
 * in post, two about to start and two who have left. Larger samples (for
 * benchmarks) add generated staff from a fixed seed, so every run writes
 * the same database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pcn-demo.h"

/* ------------------------------------------------------------------ data */

#define DEMO_SEED 20250401

static const struct
{
  const char *name;
  const char *ods_code;
  gint64      list_size;
} demo_practices[] = {
  { "Riverside Medical Centre",      "Y02741", 14200 },
  { "Castle Street Health Centre",   "Y02752", 11300 },
  { "Millbrook Surgery",             "Y02763",  9800 },
  { "The Old Forge Practice",        "Y02774",  8600 },
  { "Abbey Fields Family Practice",  "Y02785",  8100 },
};

enum
{
  EMP_LEAD_PRACTICE,
  EMP_FEDERATION,
  EMP_TRUST,
  EMP_VOLUNTARY,
  EMP_PRACTICE,
  N_EMPLOYERS
};

static const char * const demo_employers[N_EMPLOYERS] = {
  "Riverside Medical Centre (PCN lead practice)",
  "Vale Primary Care Federation",
  "Northshire Mental Health NHS Foundation Trust",
  "Riverside Community Action",
  "Castle Street Health Centre",
};

#define NO_END G_MININT

typedef struct
{
  const char *name;
  const char *payroll_id;
  const char *role;
  int         start;        /* days from today */
  int         end;          /* days from today, or NO_END */
  const char *reason;
  int         wte;          /* thousandths */
  const char *band;
  gint64      salary;       /* pounds a year for the contracted WTE; 0: not known */
  int         employer;
  const char *practices;
  gboolean    claimable;
} DemoPerson;

static const DemoPerson demo_people[PCN_DEMO_DEFAULT_STAFF] = {
  { "Priya Raman",        "RHP0001", "CP",         -1130, NO_END, NULL, 1000, "8a", 56420,
    EMP_LEAD_PRACTICE, "Riverside Medical Centre=5;Millbrook Surgery=5", TRUE },
  { "Daniel Okafor",      "RHP0002", "CP",          -820, NO_END, NULL, 1000, "7", 49180,
    EMP_LEAD_PRACTICE, "Castle Street Health Centre=6;The Old Forge Practice=4", TRUE },
  { "Sophie Whitfield",   "RHP0003", "CP",          -410, NO_END, NULL, 600, "7", 28740,
    EMP_LEAD_PRACTICE, "Abbey Fields Family Practice=6", TRUE },
  { "Amir Hussain",       "RHP0004", "PT",          -960, NO_END, NULL, 1000, "5", 33250,
    EMP_LEAD_PRACTICE, "Riverside Medical Centre=10", TRUE },
  { "Grace Adeyemi",      "VCA0117", "SPLW",       -1080, NO_END, NULL, 1000, "5", 31040,
    EMP_VOLUNTARY, "Riverside Medical Centre=4;Abbey Fields Family Practice=3;The Old Forge Practice=3", TRUE },
  { "Tom Hargreaves",     "VCA0142", "SPLW",        -540, NO_END, NULL, 600, "4", 17490,
    EMP_VOLUNTARY, "Castle Street Health Centre=3;Millbrook Surgery=3", TRUE },
  { "Megan Lloyd",        "RHP0008", "HWBC",        -700, NO_END, NULL, 1000, "5", 30580,
    EMP_LEAD_PRACTICE, "Riverside Medical Centre=5;Castle Street Health Centre=5", TRUE },
  { "Chloe Simmons",      "RHP0009", "CC",         -1010, NO_END, NULL, 1000, "4", 28410,
    EMP_LEAD_PRACTICE, "Riverside Medical Centre=10", TRUE },
  { "Jordan Patel",       "RHP0010", "CC",          -260, NO_END, NULL, 400, "4", 11140,
    EMP_LEAD_PRACTICE, "The Old Forge Practice=4", TRUE },
  { "Ewan MacLeod",       "VPF2031", "FCP_PHYSIO",  -880, NO_END, NULL, 1000, "7", 50270,
    EMP_FEDERATION, "Riverside Medical Centre=4;Millbrook Surgery=3;Abbey Fields Family Practice=3", TRUE },
  { "Hannah Kowalski",    "VPF2044", "FCP_PHYSIO",  -150, NO_END, NULL, 600, "7", 28700,
    EMP_FEDERATION, "Castle Street Health Centre=6", TRUE },
  { "Ryan Fletcher",      "VPF2052", "PARAMEDIC",   -620, NO_END, NULL, 1000, "7", 48520,
    EMP_FEDERATION, "Riverside Medical Centre=5;The Old Forge Practice=5", TRUE },
  { "Nadia Rahman",       "VPF2060", "AP",          -760, NO_END, NULL, 1000, "8a", 57890,
    EMP_FEDERATION, "Castle Street Health Centre=5;Millbrook Surgery=5", TRUE },
  { "Fiona Gallagher",    "NMH8812", "MHP",         -980, NO_END, NULL, 1000, "7", 49910,
    EMP_TRUST, "Riverside Medical Centre=5;Castle Street Health Centre=5", TRUE },
  { "Marcus Webb",        "NMH8840", "MHP",         -330, NO_END, NULL, 800, "6", 32150,
    EMP_TRUST, "Millbrook Surgery=4;Abbey Fields Family Practice=4", TRUE },
  { "Olivia Chen",        "RHP0017", "PA",          -580, NO_END, NULL, 1000, "7", 47260,
    EMP_LEAD_PRACTICE, "Riverside Medical Centre=10", TRUE },
  { "Bethany Doyle",      "RHP0018", "NA",          -450, NO_END, NULL, 1000, "4", 29170,
    EMP_LEAD_PRACTICE, "The Old Forge Practice=6;Abbey Fields Family Practice=4", TRUE },
  { "Kieran O'Brien",     "RHP0019", "GPA",         -210, NO_END, NULL, 800, "3", 19950,
    EMP_LEAD_PRACTICE, "Millbrook Surgery=8", TRUE },
  { "Rebecca Thornton",   "VPF2071", "DTL",         -690, NO_END, NULL, 1000, "8a", 58340,
    EMP_FEDERATION, NULL, TRUE },
  { "Dr Samuel Osei",     "CSH0410", "GP",          -180, NO_END, NULL, 600, NULL, 55800,
    EMP_PRACTICE, "Castle Street Health Centre=6", TRUE },
  { "Joanne Pritchard",   "RHP0022", "EPN",         -240, NO_END, NULL, 800, "6", 33470,
    EMP_LEAD_PRACTICE, "Riverside Medical Centre=4;Millbrook Surgery=4", TRUE },
  /* two about to start */
  { "Aisha Begum",        "RHP0023", "CP",            21, NO_END, NULL, 1000, "7", 46150,
    EMP_LEAD_PRACTICE, "Millbrook Surgery=5;The Old Forge Practice=5", TRUE },
  { "Callum Reid",        "VPF2089", "PARAMEDIC",     45, NO_END, NULL, 1000, "7", 46150,
    EMP_FEDERATION, "Abbey Fields Family Practice=5;Castle Street Health Centre=5", TRUE },
  /* two leavers */
  { "Helen Marsh",        "RHP0025", "PT",         -1150, -95, "Moved to a hospital post",
    1000, "5", 32120, EMP_LEAD_PRACTICE, "Castle Street Health Centre=10", TRUE },
  { "Liam Sutherland",    "VCA0155", "SPLW",        -900, -240, "Relocated",
    600, "5", 18120, EMP_VOLUNTARY, "The Old Forge Practice=6", TRUE },
};

/* Names, roles and bands for generated staff. */
static const char * const first_names[] = {
  "Aaron", "Abigail", "Adam", "Aisha", "Alex", "Alice", "Amelia", "Amir",
  "Anna", "Ben", "Bethan", "Callum", "Caroline", "Charlotte", "Chloe",
  "Daniel", "David", "Eleanor", "Ella", "Emily", "Emma", "Ethan", "Faisal",
  "Fatima", "Freya", "Gareth", "Georgia", "Hannah", "Harry", "Isla", "Jack",
  "James", "Jasmine", "Joseph", "Katie", "Kwame", "Laura", "Leah", "Lewis",
  "Lucy", "Mark", "Mia", "Mohammed", "Nathan", "Niamh", "Oliver", "Owen",
  "Patrick", "Rachel", "Rhys", "Ruby", "Sam", "Sarah", "Simon", "Sophie",
  "Thomas", "Uchenna", "Victoria", "William", "Zara",
};

static const char * const last_names[] = {
  "Adams", "Ahmed", "Ali", "Allen", "Atkinson", "Bailey", "Baker", "Barnes",
  "Begum", "Bell", "Brown", "Campbell", "Carter", "Clarke", "Collins",
  "Cooper", "Davies", "Edwards", "Evans", "Fisher", "Green", "Hall",
  "Harris", "Hughes", "Hussain", "Jackson", "James", "Johnson", "Jones",
  "Kaur", "Khan", "King", "Lewis", "Martin", "Mensah", "Mitchell", "Moore",
  "Morgan", "Murphy", "Nowak", "Owen", "Parker", "Patel", "Phillips",
  "Price", "Roberts", "Robinson", "Scott", "Shah", "Singh", "Smith",
  "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson",
  "White", "Williams", "Wilson", "Wood", "Wright", "Young",
};

static const struct
{
  const char *role;
  const char *band;
  gint64      salary;     /* pounds a year at 1.0 WTE */
  int         employer;
} generated_roles[] = {
  { "CP",         "7",  49180, EMP_LEAD_PRACTICE },
  { "CP",         "8a", 56420, EMP_LEAD_PRACTICE },
  { "PT",         "5",  33250, EMP_LEAD_PRACTICE },
  { "SPLW",       "5",  31040, EMP_VOLUNTARY },
  { "HWBC",       "5",  30580, EMP_LEAD_PRACTICE },
  { "CC",         "4",  28410, EMP_LEAD_PRACTICE },
  { "FCP_PHYSIO", "7",  50270, EMP_FEDERATION },
  { "PARAMEDIC",  "7",  48520, EMP_FEDERATION },
  { "AP",         "8a", 57890, EMP_FEDERATION },
  { "MHP",        "7",  49910, EMP_TRUST },
  { "PA",         "7",  47260, EMP_LEAD_PRACTICE },
  { "NA",         "4",  29170, EMP_LEAD_PRACTICE },
  { "GPA",        "3",  24940, EMP_LEAD_PRACTICE },
  { "EPN",        "6",  41840, EMP_LEAD_PRACTICE },
  { "GP",         NULL, 93000, EMP_PRACTICE },
};

static const int wte_choices[] = { 1000, 1000, 1000, 800, 600, 400, 500 };

/* --------------------------------------------------------------- helpers */

static char *
iso_from_offset (const GDate *today,
                 int          days)
{
  GDate d = *today;

  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return pcn_date_to_iso (&d);
}

static PcnStaff *
staff_from_person (const DemoPerson *p,
                   const GDate      *today)
{
  g_autoptr(PcnStaff) staff = pcn_staff_new ();
  g_autofree char *start = iso_from_offset (today, p->start);

  pcn_staff_set_name (staff, p->name);
  pcn_staff_set_payroll_id (staff, p->payroll_id);
  pcn_staff_set_role_code (staff, p->role);
  pcn_staff_set_start_date (staff, start);
  if (p->end != NO_END)
    {
      g_autofree char *end = iso_from_offset (today, p->end);

      pcn_staff_set_end_date (staff, end);
      pcn_staff_set_leaving_reason (staff, p->reason);
    }
  pcn_staff_set_wte (staff, p->wte);
  pcn_staff_set_band (staff, p->band);
  pcn_staff_set_annual_salary (staff, p->salary > 0 ? p->salary * 100 : -1);
  pcn_staff_set_employer (staff, demo_employers[p->employer]);
  if (p->practices != NULL)
    {
      g_autoptr(GPtrArray) sessions = pcn_sessions_parse (p->practices, NULL);

      g_assert (sessions != NULL);
      pcn_staff_set_sessions (staff, sessions);
    }
  pcn_staff_set_claimable (staff, p->claimable);

  return g_steal_pointer (&staff);
}

static PcnStaff *
generate_staff (GRand       *rand,
                guint        number,
                const GDate *today)
{
  g_autoptr(PcnStaff) staff = pcn_staff_new ();
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_session_free);
  guint role = g_rand_int_range (rand, 0, G_N_ELEMENTS (generated_roles));
  int wte = wte_choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (wte_choices))];
  int start = g_rand_int_range (rand, -1150, 60);
  guint first = g_rand_int_range (rand, 0, (gint32) G_N_ELEMENTS (demo_practices));
  guint n_sites = g_rand_int_range (rand, 1, 4);
  int sessions_total = wte / 100;
  g_autofree char *name = NULL;
  g_autofree char *payroll = NULL;
  g_autofree char *start_iso = NULL;

  name = g_strdup_printf ("%s %s",
                          first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                          last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))]);
  payroll = g_strdup_printf ("GEN%06u", number);
  start_iso = iso_from_offset (today, start);

  pcn_staff_set_name (staff, name);
  pcn_staff_set_payroll_id (staff, payroll);
  pcn_staff_set_role_code (staff, generated_roles[role].role);
  pcn_staff_set_start_date (staff, start_iso);
  pcn_staff_set_wte (staff, wte);
  pcn_staff_set_band (staff, generated_roles[role].band);
  pcn_staff_set_annual_salary (staff, generated_roles[role].salary * wte / 10);
  pcn_staff_set_employer (staff, demo_employers[generated_roles[role].employer]);

  /* About one in twelve has left, some time after starting. */
  if (start < -120 && g_rand_int_range (rand, 0, 12) == 0)
    {
      g_autofree char *end = iso_from_offset (today, g_rand_int_range (rand, start + 60, -1));

      pcn_staff_set_end_date (staff, end);
      pcn_staff_set_leaving_reason (staff, g_rand_boolean (rand) ? "Relocated"
                                                                 : "Moved to a hospital post");
    }

  n_sites = MIN (n_sites, (guint) MAX (sessions_total, 1));
  for (guint i = 0; i < n_sites; i++)
    {
      int share = sessions_total / (int) n_sites + ((int) i < sessions_total % (int) n_sites ? 1 : 0);

      g_ptr_array_add (sessions,
                       pcn_session_new (demo_practices[(first + i) % G_N_ELEMENTS (demo_practices)].name,
                                        share > 0 ? share : -1));
    }
  pcn_staff_set_sessions (staff, sessions);
  pcn_staff_set_claimable (staff, TRUE);

  return g_steal_pointer (&staff);
}

static double
node_get_number (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return -1;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return (double) json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return json_node_get_double (node);
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);
        char *end = NULL;
        double v = g_ascii_strtod (s, &end);

        return end != s && *end == '\0' ? v : -1;
      }
    default:
      return -1;
    }
}

/* The shipped per-weighted-patient ARRS sum for financial year @year, in
 * pence, or -1 when the reference data gives none. The reference data's
 * "allocation" section is an array of objects; this accepts the year as
 * "year" or "financial_year" (2025 or "2025/26") and the rate as a member
 * named "per_weighted_patient_gbp" (the shipped name), "per_head_pence",
 * "rate_pence", "per_head_gbp" or "value_gbp", as a number or a string. */
static double
reference_per_head_pence (PcnStore *store,
                          int       year)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *fy_name = pcn_financial_year_name (year);
  JsonNode *root;
  JsonArray *array;

  json = pcn_store_dup_reference_json (store, "allocation", NULL);
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return -1;

  root = json_parser_get_root (parser);
  if (root == NULL)
    return -1;
  if (JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "allocation"))
    root = json_object_get_member (json_node_get_object (root), "allocation");
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return -1;

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *obj;
      JsonNode *year_node = NULL;
      const char *component;
      gboolean year_matches = FALSE;
      static const struct { const char *member; double factor; } rate_members[] = {
        { "per_head_pence", 1 }, { "rate_pence", 1 },
        { "per_weighted_patient_gbp", 100 }, { "per_head_gbp", 100 },
        { "value_gbp", 100 },
      };

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      obj = json_node_get_object (item);

      component = json_object_get_string_member_with_default (obj, "component", NULL);
      if (component != NULL && strcmp (component, "pcn_arrs_sum_rate") != 0)
        continue;

      if (json_object_has_member (obj, "year"))
        year_node = json_object_get_member (obj, "year");
      else if (json_object_has_member (obj, "financial_year"))
        year_node = json_object_get_member (obj, "financial_year");
      if (year_node == NULL || !JSON_NODE_HOLDS_VALUE (year_node))
        continue;
      if (json_node_get_value_type (year_node) == G_TYPE_STRING)
        {
          const char *s = json_node_get_string (year_node);
          int parsed = 0;

          year_matches = g_strcmp0 (s, fy_name) == 0 ||
                         (pcn_financial_year_parse (s, &parsed, NULL) && parsed == year);
        }
      else if (json_node_get_value_type (year_node) == G_TYPE_INT64)
        year_matches = json_node_get_int (year_node) == year;
      if (!year_matches)
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (rate_members); j++)
        {
          double v = node_get_number (json_object_has_member (obj, rate_members[j].member)
                                      ? json_object_get_member (obj, rate_members[j].member)
                                      : NULL);
          if (v > 0)
            return v * rate_members[j].factor;
        }
    }

  return -1;
}

/* The sample recruitment plan: two posts planned from January, one
 * advertised, one offered, one in post (filled by @holder) and one
 * withdrawn. Dates are relative to @today. */
typedef struct
{
  const char *title;
  const char *role;
  int         wte;
  const char *band;
  gint64      annual_cost;   /* pounds, pay plus on-costs; 0: the role's maximum */
  int         employer_model;
  const char *practices;
  const char *purposes;
  int         start;         /* days from today; G_MAXINT: the next 1 January */
  int         dates[PCN_POST_N_STATUSES];  /* days from today, NO_END: none */
  PcnPostStatus status;
} DemoPost;

#define NO_DATE NO_END
#define NEXT_JANUARY G_MAXINT

static const DemoPost demo_posts[] = {
  { "Clinical pharmacist – Castle Street", "CP", 1000, "7", 62000,
    PCN_EMPLOYER_MODEL_PCN_LEAD_PRACTICE, "Castle Street Health Centre=6;Millbrook Surgery=4",
    "structured_medication_reviews", NEXT_JANUARY,
    { -60, -20, NO_DATE, NO_DATE, NO_DATE, NO_DATE, NO_DATE }, PCN_POST_STATUS_APPROVED },
  { "Care co-ordinator – Abbey Fields", "CC", 1000, "4", 0,
    PCN_EMPLOYER_MODEL_PCN_LEAD_PRACTICE, "Abbey Fields Family Practice=10",
    "enhanced_access;personalised_care", NEXT_JANUARY,
    { -30, NO_DATE, NO_DATE, NO_DATE, NO_DATE, NO_DATE, NO_DATE }, PCN_POST_STATUS_PROPOSED },
  { "First contact physiotherapist – Millbrook", "FCP_PHYSIO", 1000, "7", 0,
    PCN_EMPLOYER_MODEL_FEDERATION, "Millbrook Surgery=5;The Old Forge Practice=5",
    PCN_POST_PURPOSE_CORE, 90,
    { -70, -40, -14, NO_DATE, NO_DATE, NO_DATE, NO_DATE }, PCN_POST_STATUS_ADVERTISED },
  { "Paramedic – Abbey Fields", "PARAMEDIC", 1000, "7", 63500,
    PCN_EMPLOYER_MODEL_FEDERATION, "Abbey Fields Family Practice=5;Castle Street Health Centre=5",
    "enhanced_access", 45,
    { -120, -100, -75, -30, -10, NO_DATE, NO_DATE }, PCN_POST_STATUS_OFFERED },
  { "Clinical pharmacist – Riverside", "CP", 1000, "8a", 0,
    PCN_EMPLOYER_MODEL_PCN_LEAD_PRACTICE, "Riverside Medical Centre=5;Millbrook Surgery=5",
    "structured_medication_reviews", 0,
    { NO_DATE, NO_DATE, NO_DATE, NO_DATE, NO_DATE, NO_DATE, NO_DATE }, PCN_POST_STATUS_IN_POST },
  { "Second digital and transformation lead", "DTL", 1000, "8a", 0,
    PCN_EMPLOYER_MODEL_FEDERATION, NULL, PCN_POST_PURPOSE_CORE, -60,
    { -200, NO_DATE, NO_DATE, NO_DATE, NO_DATE, NO_DATE, -150 }, PCN_POST_STATUS_WITHDRAWN },
};

static PcnPost *
post_from_demo (const DemoPost *d,
                const GDate    *today,
                PcnStaff       *holder)
{
  g_autoptr(PcnPost) post = pcn_post_new ();
  g_auto(GStrv) purposes = g_strsplit (d->purposes, ";", -1);
  g_autofree char *start = NULL;

  if (d->start == NEXT_JANUARY)
    {
      GDate jan;

      g_date_clear (&jan, 1);
      g_date_set_dmy (&jan, 1, G_DATE_JANUARY, g_date_get_year (today) + 1);
      start = pcn_date_to_iso (&jan);
    }
  else
    start = iso_from_offset (today, d->start);

  pcn_post_set_title (post, d->title);
  pcn_post_set_role_code (post, d->role);
  pcn_post_set_wte (post, d->wte);
  pcn_post_set_band (post, d->band);
  pcn_post_set_annual_cost (post, d->annual_cost > 0 ? d->annual_cost * 100 : -1);
  pcn_post_set_employer_model (post, d->employer_model);
  pcn_post_set_purposes (post, (const char * const *) purposes);
  pcn_post_set_start_date (post, start);
  if (d->practices != NULL)
    {
      g_autoptr(GPtrArray) sessions = pcn_sessions_parse (d->practices, NULL);

      g_assert (sessions != NULL);
      pcn_post_set_sessions (post, sessions);
    }
  for (guint st = 0; st < PCN_POST_N_STATUSES; st++)
    if (d->dates[st] != NO_DATE)
      {
        g_autofree char *iso = iso_from_offset (today, d->dates[st]);
        pcn_post_set_status (post, st, iso);
      }
  pcn_post_set_status (post, d->status, NULL);

  if (d->status == PCN_POST_STATUS_IN_POST && holder != NULL)
    {
      GDate start_date;
      g_autofree char *advertised = NULL;

      /* Advertised 95 days before the holder started: the time to fill. */
      pcn_date_from_iso (pcn_staff_get_start_date (holder), &start_date);
      g_date_subtract_days (&start_date, 95);
      advertised = pcn_date_to_iso (&start_date);
      pcn_post_set_status (post, PCN_POST_STATUS_ADVERTISED, advertised);
      pcn_post_set_start_date (post, pcn_staff_get_start_date (holder));
      pcn_post_fill (post, holder);
    }
  return g_steal_pointer (&post);
}

/* ----------------------------------------------------------------- public */

gboolean
pcn_demo_fill (PcnStore    *store,
               guint        n_staff,
               const GDate *today,
               GError     **error)
{
  g_autoptr(PcnNetwork) existing = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(GPtrArray) practice_names = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GRand) rand = NULL;
  GDate real_today;
  double per_head;
  gint64 weighted = 55000;

  g_return_val_if_fail (PCN_IS_STORE (store), FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == NULL)
    {
      pcn_date_set_today (&real_today);
      today = &real_today;
    }
  if (n_staff == 0)
    n_staff = PCN_DEMO_DEFAULT_STAFF;

  existing = pcn_store_get_network (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS,
                   _("%s already holds the PCN “%s”; the sample goes in an empty database"),
                   pcn_store_get_path (store), pcn_network_get_name (existing));
      return FALSE;
    }

  roles = pcn_store_list_roles (store, error);
  if (roles == NULL)
    return FALSE;

  network = pcn_network_new ();
  pcn_network_set_name (network, "Riverside Health PCN");
  pcn_network_set_ods_code (network, "U12345");
  pcn_network_set_list_size (network, 52000);
  pcn_network_set_weighted_list_size (network, weighted);
  pcn_network_set_area (network, PCN_AREA_NATIONAL);

  practices = g_ptr_array_new_with_free_func (g_object_unref);
  practice_names = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (demo_practices); i++)
    {
      PcnPractice *practice = pcn_practice_new (demo_practices[i].name);

      pcn_practice_set_ods_code (practice, demo_practices[i].ods_code);
      pcn_practice_set_list_size (practice, demo_practices[i].list_size);
      g_ptr_array_add (practices, practice);
      g_ptr_array_add (practice_names, (gpointer) demo_practices[i].name);
    }

  /* Build and check every person before writing anything, so a reference
   * data file without one of the sample's roles fails cleanly. */
  staff = g_ptr_array_new_full (n_staff, g_object_unref);
  for (guint i = 0; i < MIN (n_staff, (guint) PCN_DEMO_DEFAULT_STAFF); i++)
    g_ptr_array_add (staff, staff_from_person (&demo_people[i], today));
  if (n_staff > PCN_DEMO_DEFAULT_STAFF)
    {
      rand = g_rand_new_with_seed (DEMO_SEED);
      for (guint i = PCN_DEMO_DEFAULT_STAFF; i < n_staff; i++)
        g_ptr_array_add (staff, generate_staff (rand, i + 1, today));
    }

  for (guint i = 0; i < staff->len; i++)
    {
      const char *field = NULL;

      if (!pcn_staff_validate (g_ptr_array_index (staff, i), roles, practice_names,
                               &field, &local_error))
        {
          g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                       _("The sample PCN does not fit the reference data (%s, %s): %s"),
                       pcn_staff_get_name (g_ptr_array_index (staff, i)), field,
                       local_error->message);
          return FALSE;
        }
    }

  if (!pcn_store_create_network (store, network, practices, error))
    return FALSE;

  /* 2025/26 from the shipped per-head rate where there is one; 2026/27 as
   * a PCN would enter it from its ICB's letter. */
  per_head = reference_per_head_pence (store, 2025);
  if (!pcn_store_set_allocation (store, 2025,
                                 per_head > 0 ? (gint64) (weighted * per_head + 0.5)
                                              : G_GINT64_CONSTANT (146470500),
                                 error))
    return FALSE;
  if (!pcn_store_set_allocation (store, 2026, G_GINT64_CONSTANT (149867500), error))
    return FALSE;

  if (!pcn_store_import_staff (store, staff, NULL, _("the sample PCN"), error))
    return FALSE;

  /* The recruitment plan; the in-post CP is the sample's first person. */
  posts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (demo_posts); i++)
    {
      PcnStaff *holder = NULL;

      if (demo_posts[i].status == PCN_POST_STATUS_IN_POST)
        {
          holder = g_ptr_array_index (staff, 0);
          if (g_strcmp0 (pcn_staff_get_role_code (holder), demo_posts[i].role) != 0)
            continue;
        }
      g_ptr_array_add (posts, post_from_demo (&demo_posts[i], today, holder));
    }
  return pcn_store_add_posts (store, posts, error) &&
         _pcn_demo_fill_supervision (store, today, error) &&
         _pcn_demo_fill_vision (store, today, error) &&
         _pcn_demo_fill_induction (store, today, error);
}
