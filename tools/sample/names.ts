/** Invented people and places around Springfield, IL (no real patients). */
export const FIRST_FEMALE = [
  'Mary', 'Linda', 'Barbara', 'Susan', 'Karen', 'Nancy', 'Lisa', 'Sandra', 'Donna', 'Carol', 'Michelle', 'Emily',
  'Amanda', 'Melissa', 'Deborah', 'Stephanie', 'Rebecca', 'Laura', 'Sharon', 'Cynthia', 'Angela', 'Brenda', 'Emma',
  'Olivia', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Harper', 'Evelyn', 'Grace', 'Chloe', 'Rosa', 'Maria', 'Aaliyah', 'Mei',
] as const;

export const FIRST_MALE = [
  'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Charles', 'Daniel', 'Matthew',
  'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kenneth', 'Kevin', 'Brian', 'Liam', 'Noah',
  'Oliver', 'Elijah', 'Lucas', 'Mason', 'Ethan', 'Logan', 'Jose', 'Luis', 'DeShawn', 'Wei', 'Raj', 'Omar',
] as const;

export const LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell',
  'Mitchell', 'Carter', 'Roberts', "O'Brien", 'Kowalski', 'Schmidt', 'Patel', 'Chen', 'Murphy', 'Brooks', 'Reed',
] as const;

export const STREETS = [
  'S 6th St', 'E Capitol Ave', 'W Monroe St', 'N Grand Ave', 'Wabash Ave', 'S MacArthur Blvd', 'Chatham Rd',
  'E Adams St', 'W Jefferson St', 'Lawrence Ave', 'S Durkin Dr', 'Stevenson Dr', 'W Washington St', 'N Walnut St',
  'Outer Park Dr', 'Iles Ave', 'E Ash St', 'Leland Ave', 'Old Jacksonville Rd', 'Toronto Rd',
] as const;

/** [city, zip] — mostly Springfield, some neighbouring towns. */
export const TOWNS: readonly (readonly [string, string])[] = [
  ['Springfield', '62701'], ['Springfield', '62702'], ['Springfield', '62703'], ['Springfield', '62704'],
  ['Springfield', '62704'], ['Springfield', '62707'], ['Springfield', '62711'], ['Springfield', '62712'],
  ['Chatham', '62629'], ['Rochester', '62563'], ['Sherman', '62684'], ['Petersburg', '62675'], ['Riverton', '62561'],
];

export const CONTACTS = ['Phone', 'Phone', 'Text', 'Email', 'Mail'] as const;
export const CALL_TIMES = ['Morning', 'Afternoon', 'Evening', 'Weekdays after 5 pm', 'Any time'] as const;
